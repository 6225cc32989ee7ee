/**
 * Where the bot's files are, whether it runs from TypeScript sources (tsx, tests) or from the build
 * in `dist/` (where bundled code may sit in a chunk, so paths relative to a module are not stable).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

const here = fileURLToPath(import.meta.url);

/** The repository (or installed package) root: where package.json and entries/ are. */
export const PACKAGE_ROOT = findPackageRoot(here);

/** True when running the compiled build (dist/*.js), false from the TypeScript sources. */
export const RUNNING_BUILT = path.extname(here) === '.js';

/** The root of the running code: dist/ or src/. Module paths such as `adapters/slack/index.js` are relative to it. */
export const CODE_ROOT = path.join(PACKAGE_ROOT, RUNNING_BUILT ? 'dist' : 'src');
