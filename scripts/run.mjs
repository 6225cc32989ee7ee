/**
 * `npm start` and `npm run lexicon`: run an entry point of the built bot (`dist/<entry>.js`),
 * building it first when the sources are newer, so a fresh clone or an edit needs no extra step.
 * Production runs `node dist/main.js` directly.
 */
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('Usage: node scripts/run.mjs <entry> [arguments...]\n');
  process.exit(2);
}
const { isStale, build } = await import('./build.mjs');
if (isStale()) {
  try {
    await build();
  } catch (error) {
    // A broken message catalog stops the build with one line naming the file and the key.
    if (error?.name !== 'CatalogError') throw error;
    process.stderr.write(`The build stopped: ${error.message}\n`);
    process.exit(1);
  }
}
// The entry point reads process.argv as if it had been started directly.
process.argv = [process.argv[0], new URL(`../dist/${entry}.js`, import.meta.url).pathname, ...rest];
await import(new URL(`../dist/${entry}.js`, import.meta.url).href);
