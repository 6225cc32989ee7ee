/**
 * The lexicon index the build computes (`scripts/build.mjs`, through `src/prebuild.ts`): the
 * repository's entries, parsed and validated, every entry's "see also" and the folded form of
 * every CJK character they hold, saved beside the built code. A start loads it instead of parsing the entry files and scanning every entry's text, when
 * the entry files it is asked for (the image's own, or a mounted ENTRIES_DIR) have exactly the
 * names and bytes the build read; any other files are loaded and indexed at run time as always.
 */
import { isAscii } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CODE_ROOT, RUNNING_BUILT } from '../paths.js';
import { displayPath } from './display-path.js';
import { entryFilesDigest } from './entries-cache.js';
import type { Entry } from './entry.js';
import type { SuggestionView } from './reply.js';

/** The file's name in `dist/`. */
export const PREBUILT_LEXICON_FILE_NAME = 'lexicon-index.json';

/** Bumped when the file's shape changes. */
export const PREBUILT_LEXICON_FORMAT = 1;

/** What the build saves. */
export interface PrebuiltLexicon {
  format: typeof PREBUILT_LEXICON_FORMAT;
  /** `prebuiltLexiconKey` of the entry files it was computed from. */
  key: string;
  /** The entries in document order, as `loadEntries` returned them. */
  entries: Entry[];
  /** Each entry's "see also", by entry id. */
  seeAlso: Record<string, SuggestionView[]>;
  /** Every CJK character of the entries with its folded form (`foldedCharacters`). */
  folded: Record<string, string>;
}

/**
 * The file's text: JSON in ASCII (every other character as a \u escape), which a start reads as a
 * plain copy (latin1) where Node 20 decodes UTF-8 several times slower.
 */
export function serializePrebuiltLexicon(prebuilt: PrebuiltLexicon): string {
  return JSON.stringify(prebuilt).replace(/[^\0-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file's text: ASCII as latin1 (the same characters, read faster), anything else as UTF-8. */
async function readText(file: string): Promise<string> {
  const bytes = await readFile(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/** The key of a directory's entry files (their names and bytes, not where they are), or undefined when they cannot be read. */
export function prebuiltLexiconKey(absoluteDir: string): Promise<string | undefined> {
  return entryFilesDigest(absoluteDir, ['lexicon-index', String(PREBUILT_LEXICON_FORMAT)]);
}

/** Where the running code's prebuilt index is: beside the build; none from the TypeScript sources. */
export function defaultPrebuiltLexiconFile(): string | undefined {
  return RUNNING_BUILT ? path.join(CODE_ROOT, PREBUILT_LEXICON_FILE_NAME) : undefined;
}

/**
 * The prebuilt lexicon in `file` when it was computed from exactly the entry files of `dir`;
 * undefined when there is none, it is unreadable, or the files differ (the caller then loads them).
 */
export async function readPrebuiltLexicon(dir: string, file: string | undefined = defaultPrebuiltLexiconFile()): Promise<PrebuiltLexicon | undefined> {
  if (file === undefined) return undefined;
  const absoluteDir = path.resolve(dir);
  const [text, key] = await Promise.all([readText(file).catch(() => undefined), prebuiltLexiconKey(absoluteDir)]);
  if (text === undefined || key === undefined) return undefined;
  let prebuilt: PrebuiltLexicon;
  try {
    prebuilt = JSON.parse(text) as PrebuiltLexicon;
  } catch {
    return undefined;
  }
  if (prebuilt.format !== PREBUILT_LEXICON_FORMAT || prebuilt.key !== key) return undefined;
  // Each entry names its file as loading it from here would (messages name files relative to the working directory).
  for (const entry of prebuilt.entries) entry.file = displayPath(path.join(absoluteDir, path.basename(entry.file)));
  return prebuilt;
}
