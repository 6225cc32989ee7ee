/**
 * `dist/cli.js`, the one-shot CLI's entry point in the build (copied there by scripts/build.mjs):
 * it runs the CLI's single-file bundle (`dist/cli-bundle.js`, CommonJS) through V8's code cache,
 * which Node 20 offers to scripts only. The cache (`dist/cli-bundle.js.cache`) is written by the
 * build's warm-up run, or by the first run that finds none it can use (another Node, other flags),
 * when `dist/` is writable; without it the bundle is compiled as usual. Parsing and compiling the
 * bundle is otherwise the largest part of a one-shot answer's start-up.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const bundle = fileURLToPath(new URL('./cli-bundle.js', import.meta.url));
const cacheFile = `${bundle}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The build writes the bundle in ASCII (and checks it), so latin1 reads it exactly, as a plain copy
// rather than a UTF-8 decode.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'latin1')}\n})`;
const script = new vm.Script(source, { filename: bundle, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  // Once the answer is out: the cache then holds the functions this run compiled too.
  process.once('beforeExit', () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: no cache, every run compiles.
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
