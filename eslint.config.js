// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Platform libraries: only src/adapters (and benchmarks comparing against them) may import these. */
const PLATFORM_LIBRARIES = ['discord.js', 'discord.js/*', '@discordjs/*', '@slack/*'];

/**
 * Import boundaries, checked by `npm test`: the core, the search and the commands know nothing of
 * platforms, adapters or their own callers; nothing in src/ imports test code.
 */
const boundaries = {
  core: {
    files: ['src/core/**/*.ts', 'src/search/**/*.ts', 'commands/**/*.ts'],
    patterns: [
      { group: PLATFORM_LIBRARIES, message: 'Only src/adapters may import a platform library.' },
      { group: ['**/adapters/**'], message: 'The core, search and commands must not import an adapter.' },
      { group: ['**/test/**', '../test/*', '../../test/*'], message: 'src/ must not import test code.' },
    ],
  },
  coreOnly: {
    files: ['src/core/**/*.ts', 'src/search/**/*.ts'],
    patterns: [{ group: ['**/commands/**', '**/commands/index.js', '../../commands/*'], message: 'The core gets its commands from createDispatcher(commands); it never imports commands/.' }],
  },
  src: {
    files: ['src/**/*.ts'],
    patterns: [{ group: ['**/test/**', '../test/*', '../../test/*', '../../../test/*'], message: 'src/ must not import test code.' }],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: boundaries.src.files, rules: { 'no-restricted-imports': ['error', { patterns: boundaries.src.patterns }] } },
  { files: boundaries.core.files, rules: { 'no-restricted-imports': ['error', { patterns: boundaries.core.patterns }] } },
  {
    files: boundaries.coreOnly.files,
    rules: { 'no-restricted-imports': ['error', { patterns: [...boundaries.core.patterns, ...boundaries.coreOnly.patterns] }] },
  },
);
