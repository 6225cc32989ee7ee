/**
 * The import boundaries of eslint.config.js hold: the project's own lint configuration rejects an
 * import across a boundary (and `npm test` runs ESLint, so such an import fails the build).
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/core/x.ts', "import { Client } from 'discord.js';\nexport const x = Client;\n"],
    ['src/search/x.ts', "import { App } from '@slack/bolt';\nexport const x = App;\n"],
    ['commands/x.ts', "import { renderReply } from '../src/adapters/slack/render.js';\nexport const x = renderReply;\n"],
    ['src/core/x.ts', "import { commands } from '../../commands/index.js';\nexport const x = commands;\n"],
    ['src/adapters/console/x.ts', "import { fixtureLexicon } from '../../../test/fixtures/lexicon.js';\nexport const x = fixtureLexicon;\n"],
    ['src/bench/x.ts', "import { ask } from '../../test/commands/helpers.js';\nexport const x = ask;\n"],
  ])('rejects what %s must not import', async (filePath, code) => {
    expect(await restricted(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['src/adapters/discord/x.ts', "import { Client } from 'discord.js';\nexport const x = Client;\n"],
    ['src/dispatcher.ts', "import { commands } from '../commands/index.js';\nexport const x = commands;\n"],
    ['commands/x.ts', "import { text } from '../src/core/reply.js';\nexport const x = text;\n"],
  ])('allows what %s may import', async (filePath, code) => {
    expect(await restricted(filePath, code)).toEqual([]);
  });
});
