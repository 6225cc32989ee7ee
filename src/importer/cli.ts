/**
 * `npm run import -- <document> [--out entries] [--curation entries/curation.yaml]`: writes one
 * entry file per piece and prints a one-line summary. Exit code 1 with a one-line reason when the
 * document or the curation is not as expected.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ImportError } from './errors.js';
import { importDocument } from './import.js';

/** Where the importer reads and writes. */
export interface ImportOptions {
  document: string;
  outDir: string;
  curation: string;
}

/** Reads the inputs, imports, writes `<outDir>/<id>.md`; returns the summary line. */
export async function runImport(options: ImportOptions): Promise<string> {
  const [documentText, curationText] = await Promise.all([readFile(options.document, 'utf8'), readFile(options.curation, 'utf8')]);
  const result = importDocument(documentText, curationText, options.curation);
  await mkdir(options.outDir, { recursive: true });
  await Promise.all([...result.files].map(([name, text]) => writeFile(path.join(options.outDir, name), text, 'utf8')));
  return `Imported ${result.files.size} entries into ${options.outDir}/ (${result.footnotesAssigned} footnotes assigned, ${result.joins.length} page-break joins).`;
}

function parseArgs(args: readonly string[]): ImportOptions | string {
  let document: string | undefined;
  let outDir = 'entries';
  let curation = 'entries/curation.yaml';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--out' || arg === '--curation') {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--out') outDir = value;
      else curation = value;
    } else if (arg.startsWith('--')) {
      return `unknown option ${arg}`;
    } else if (document === undefined) {
      document = arg;
    } else {
      return `unexpected argument ${arg}`;
    }
  }
  if (document === undefined) return 'usage: npm run import -- <document.md> [--out entries] [--curation entries/curation.yaml]';
  return { document, outDir, curation };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(options + '\n');
    process.exitCode = 2;
    return;
  }
  try {
    process.stdout.write((await runImport(options)) + '\n');
  } catch (error) {
    if (error instanceof ImportError || (error instanceof Error && 'code' in error)) {
      process.stderr.write(`import failed: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) await main();
