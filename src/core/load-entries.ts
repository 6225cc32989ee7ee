/**
 * Loads the lexicon from `entries/*.md`: YAML front-matter validated with zod, a Markdown body
 * split into sections and footnotes. Every defect stops loading with an error naming the file
 * and the field; no entry is ever skipped.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { EntryFrontMatterSchema } from './entry.js';
import type { Entry, EntryFrontMatter, Footnote, Section } from './entry.js';
import { EntryFileError } from './entry-file-error.js';
import { displayPath } from './display-path.js';

export { EntryFileError };

/** The id of a section heading: lower-case words joined by hyphens ("Phase 1: Clarify…" → "phase-1-clarify…"). */
export function slugify(heading: string): string {
  return heading
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const FOOTNOTE_DEFINITION = /^\[\^(\d+)\]:[ \t]?(.*)$/;
const FOOTNOTE_MARKER = /\[\^(\d+)\](?!:)/g;
const URL_PATTERN = /https?:\/\/[^\s<>()[\]]+/g;

/** URLs in a footnote, in order, without duplicates; Markdown escapes (`\_`) undone. */
export function footnoteUrls(text: string): string[] {
  // The converter sometimes escaped twice (`crat\\_atlarge`): drop every backslash before a Markdown character.
  const unescaped = text.replace(/\\+(?=[_*[\]()#~`])/g, '');
  const urls = (unescaped.match(URL_PATTERN) ?? []).map((url) => url.replace(/[.,;:]+$/, ''));
  return [...new Set(urls)];
}

function splitFrontMatter(text: string, file: string): { yaml: string; body: string } {
  const normalized = text.replace(/\r\n?/g, '\n');
  if (!normalized.startsWith('---\n')) {
    throw new EntryFileError(file, 'front-matter', 'the file must start with a "---" line');
  }
  const end = normalized.indexOf('\n---\n', 3);
  if (end === -1) throw new EntryFileError(file, 'front-matter', 'no closing "---" line');
  return { yaml: normalized.slice(4, end + 1), body: normalized.slice(end + 5) };
}

function parseFrontMatter(yaml: string, file: string): EntryFrontMatter {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] ?? error.message : String(error);
    throw new EntryFileError(file, 'front-matter', `invalid YAML: ${detail}`);
  }
  const result = EntryFrontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    if (!issue) throw new EntryFileError(file, 'front-matter', 'invalid');
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      throw new EntryFileError(file, `front-matter field "${[...path, issue.keys[0] ?? ''].join('.')}"`, 'not a field of an entry');
    }
    const detail = /received undefined$/.test(issue.message) ? 'Required' : issue.message;
    throw new EntryFileError(file, `front-matter field "${path.length > 0 ? path.join('.') : '(root)'}"`, detail);
  }
  return result.data;
}

interface ParsedBody {
  sections: Section[];
  footnotes: Footnote[];
}

function parseBody(body: string, file: string): ParsedBody {
  const sections: Section[] = [];
  const footnotes: Footnote[] = [];
  const usedIds = new Set<string>();
  let current: Section | undefined;
  let paragraph: string[] = [];
  let footnote: { number: number; lines: string[] } | undefined;

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    if (!current) {
      current = { id: 'intro', heading: null, paragraphs: [] };
      usedIds.add('intro');
      sections.push(current);
    }
    current.paragraphs.push(paragraph.join('\n'));
    paragraph = [];
  };
  const flushFootnote = () => {
    if (!footnote) return;
    const text = footnote.lines.join('\n').trim();
    if (text === '') throw new EntryFileError(file, `footnote [^${footnote.number}]`, 'empty definition');
    footnotes.push({ number: footnote.number, text, urls: footnoteUrls(text) });
    footnote = undefined;
  };

  for (const line of body.split('\n')) {
    const definition = FOOTNOTE_DEFINITION.exec(line);
    if (definition) {
      flushParagraph();
      flushFootnote();
      footnote = { number: Number(definition[1]), lines: [definition[2] ?? ''] };
      continue;
    }
    if (footnote) {
      if (line.startsWith('    ')) {
        footnote.lines.push(line.slice(4));
        continue;
      }
      if (line.trim() === '') continue;
      throw new EntryFileError(file, `footnote [^${footnote.number}]`, 'text after the footnotes; footnote definitions must come last and continuation lines be indented by four spaces');
    }
    // An untitled section after a heading (the document gives it none): `<!-- section: essay -->`.
    const untitled = /^<!-- section: ([a-z0-9]+(?:-[a-z0-9]+)*) -->$/.exec(line);
    if (untitled) {
      flushParagraph();
      const id = untitled[1] ?? '';
      if (usedIds.has(id)) throw new EntryFileError(file, `section "${id}"`, 'the id is used twice in this entry');
      usedIds.add(id);
      current = { id, heading: null, paragraphs: [] };
      sections.push(current);
      continue;
    }
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      flushParagraph();
      const title = (heading[1] ?? '').trim();
      const base = slugify(title) || 'section';
      let id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
      usedIds.add(id);
      current = { id, heading: title, paragraphs: [] };
      sections.push(current);
      continue;
    }
    if (line.trim() === '') flushParagraph();
    else paragraph.push(line);
  }
  flushParagraph();
  flushFootnote();
  return { sections, footnotes };
}

function checkFootnotes(sections: readonly Section[], footnotes: readonly Footnote[], file: string): void {
  const defined = new Set<number>();
  for (const footnote of footnotes) {
    if (defined.has(footnote.number)) throw new EntryFileError(file, `footnote [^${footnote.number}]`, 'defined twice');
    defined.add(footnote.number);
  }
  const cited = new Set<number>();
  for (const section of sections) {
    for (const paragraph of section.paragraphs) {
      for (const match of paragraph.matchAll(FOOTNOTE_MARKER)) {
        const number = Number(match[1]);
        if (!defined.has(number)) {
          throw new EntryFileError(file, `section "${section.id}"`, `marker [^${number}] has no footnote definition`);
        }
        cited.add(number);
      }
    }
  }
  for (const number of defined) {
    if (!cited.has(number)) throw new EntryFileError(file, `footnote [^${number}]`, 'defined but never cited in the body');
  }
}

function checkReferences(front: EntryFrontMatter, sections: readonly Section[], footnotes: readonly Footnote[], file: string): void {
  const section = sections.find((candidate) => candidate.id === front.lead.section);
  if (!section) {
    throw new EntryFileError(file, 'front-matter field "lead.section"', `no section "${front.lead.section}" (sections: ${sections.map((s) => s.id).join(', ')})`);
  }
  if (!section.paragraphs.some((paragraph) => paragraph.includes(front.lead.text))) {
    throw new EntryFileError(file, 'front-matter field "lead.text"', `not found verbatim in section "${section.id}"`);
  }
  front.tables.forEach((table, index) => {
    if (!sections.some((candidate) => candidate.id === table.section)) {
      throw new EntryFileError(file, `front-matter field "tables.${index}.section"`, `no section "${table.section}"`);
    }
  });
  const numbers = new Set(footnotes.map((footnote) => footnote.number));
  front.translations.forEach((translation, index) => {
    const cited = translation.source.footnote;
    if (cited !== undefined && !numbers.has(cited)) {
      throw new EntryFileError(file, `front-matter field "translations.${index}.source.footnote"`, `footnote ${cited} is not in this entry`);
    }
  });
}

/**
 * Parses one entry file's text. `file` is the path used in error messages and `Entry.file`;
 * the id must match its base name.
 */
export function parseEntryFile(text: string, file: string): Entry {
  const { yaml, body } = splitFrontMatter(text, file);
  const front = parseFrontMatter(yaml, file);
  const expectedId = path.basename(file).replace(/\.md$/i, '');
  if (front.id !== expectedId) {
    throw new EntryFileError(file, 'front-matter field "id"', `"${front.id}" does not match the file name (expected "${expectedId}")`);
  }
  const { sections, footnotes } = parseBody(body, file);
  if (sections.length === 0) throw new EntryFileError(file, 'body', 'empty');
  checkFootnotes(sections, footnotes, file);
  checkReferences(front, sections, footnotes, file);
  return { ...front, sections, footnotes, file };
}

/**
 * Checks that hold across files: unique ids, unique `order` (two equal orders would list the
 * entries in an order nobody chose) and each footnote number in one entry only.
 */
export function checkEntrySet(entries: readonly Entry[]): void {
  const ids = new Map<string, string>();
  const orders = new Map<number, string>();
  const footnoteOwners = new Map<number, string>();
  for (const entry of entries) {
    const other = ids.get(entry.id);
    if (other !== undefined) throw new EntryFileError(entry.file, 'front-matter field "id"', `"${entry.id}" is also the id of ${other}`);
    ids.set(entry.id, entry.file);
    const sameOrder = orders.get(entry.order);
    if (sameOrder !== undefined) throw new EntryFileError(entry.file, 'front-matter field "order"', `${entry.order} is also the order of ${sameOrder}`);
    orders.set(entry.order, entry.file);
    for (const footnote of entry.footnotes) {
      const owner = footnoteOwners.get(footnote.number);
      if (owner !== undefined) throw new EntryFileError(entry.file, `footnote [^${footnote.number}]`, `footnote ${footnote.number} is also in ${owner}`);
      footnoteOwners.set(footnote.number, entry.file);
    }
  }
}

/** Entry files end in `.md`, in any case (`TRUST.MD` from a case-insensitive file system). */
const ENTRY_FILE = /\.md$/i;

/** The file's text: UTF-8 strictly (a stray Latin-1 byte stops loading), a byte-order mark dropped. */
export function decodeEntryFile(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    // ignoreBOM: false (the default) removes a leading U+FEFF, as editors on Windows write one.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Byte(bytes);
    throw new EntryFileError(file, 'encoding', `not valid UTF-8 (first bad byte at offset ${offset}); save the file as UTF-8`);
  }
  return text;
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on the longest prefix that decodes (a cut sequence at the end counts as bad).
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = (good + bad) >> 1;
    try {
      decoder.decode(bytes.subarray(0, middle));
      good = middle;
    } catch {
      bad = middle;
    }
  }
  return good;
}

/** Where the entries directory comes from, for messages: the variable when it was set. */
export interface EntriesDirSource {
  /** The environment variable that named the directory (`ENTRIES_DIR`), if one did. */
  variable?: string;
}

/** The entry files of `dir`: `*.md` in any case, following symbolic links (Kubernetes ConfigMap mounts). */
async function entryFileNames(absoluteDir: string, source: EntriesDirSource): Promise<string[]> {
  const named = displayPath(absoluteDir);
  const field = source.variable ?? 'entries directory';
  let dirents;
  try {
    dirents = await readdir(absoluteDir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : `cannot be read (${code ?? String(error)})`;
    throw new EntryFileError(named, field, `${why}; set ENTRIES_DIR to the folder that holds the entry files (*.md)`);
  }
  const names: string[] = [];
  for (const dirent of dirents) {
    if (!ENTRY_FILE.test(dirent.name)) continue;
    if (dirent.isFile()) {
      names.push(dirent.name);
    } else if (dirent.isSymbolicLink()) {
      // A ConfigMap mounts each key as a link into `..data/`: follow it; a dangling link is a defect.
      const target = await stat(path.join(absoluteDir, dirent.name)).catch(() => undefined);
      if (!target) throw new EntryFileError(displayPath(path.join(absoluteDir, dirent.name)), 'file', 'a symbolic link to nothing');
      if (target.isFile()) names.push(dirent.name);
    }
  }
  if (names.length === 0) throw new EntryFileError(named, field, 'holds no entry files (*.md); set ENTRIES_DIR to the folder that holds them');
  return names.sort();
}

/**
 * Reads every `dir/*.md` (subdirectories such as `entries/source/` are not read), validates each,
 * and returns the entries in document order. Throws EntryFileError on the first defect.
 */
export async function loadEntries(dir: string, source: EntriesDirSource = {}): Promise<Entry[]> {
  const absoluteDir = path.resolve(dir);
  const names = await entryFileNames(absoluteDir, source);
  const entries = await Promise.all(
    names.map(async (name) => {
      const absolute = path.join(absoluteDir, name);
      const file = displayPath(absolute);
      return parseEntryFile(decodeEntryFile(await readFile(absolute), file), file);
    }),
  );
  checkEntrySet(entries);
  return entries.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
