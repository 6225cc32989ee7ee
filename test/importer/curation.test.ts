/**
 * Hand curation survives a re-import, and a curation that does not match the text stops it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntryFile } from '../../src/core/load-entries.js';
import { occursAsWords } from '../../src/importer/curation.js';
import { ImportError } from '../../src/importer/errors.js';
import { importDocument } from '../../src/importer/import.js';
import { runImport } from '../../src/importer/cli.js';

const DOCUMENT = 'entries/source/cooperative-security-2.0.md';
const documentText = await readFile(DOCUMENT, 'utf8');
const curationText = await readFile('entries/curation.yaml', 'utf8');

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lexicon-curation-'));
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function filesOf(dir: string): Promise<Map<string, string>> {
  const names = (await readdir(dir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(dir, name), 'utf8')] as const)));
}

describe('re-import', () => {
  it('gives identical files when run twice', async () => {
    const dir = await tempDir();
    const options = { document: DOCUMENT, outDir: dir, curation: 'entries/curation.yaml' };
    await runImport(options);
    const first = await filesOf(dir);
    await runImport(options);
    expect(await filesOf(dir)).toEqual(first);
  });

  it('keeps a curated alias and lead in the output', () => {
    const curated = curationText
      .replace('aliases: [reassurance measures, reassurance strategy]', 'aliases: [reassurance measures, reassurance strategy, GRIT]')
      .replace(
        'text: Reassurance is usually used to describe statements and actions taken by states to reduce suspicion, strengthen cooperation and build up mutual trust.',
        'text: Reassurance is about what Jervis calls signalling.[^14]',
      );
    const result = importDocument(documentText, curated);
    const file = result.files.get('reassurance.md') ?? '';
    const entry = parseEntryFile(file, 'entries/reassurance.md');
    expect(entry.aliases).toContain('GRIT');
    expect(entry.lead).toEqual({ section: 'intro', text: 'Reassurance is about what Jervis calls signalling.[^14]' });
  });

  it('falls back to the first sentence when curation chooses no lead', () => {
    const withoutLead = curationText.replace(/(reassurance:\n(?: {2}(?!lead).*\n)*) {2}lead:\n(?: {4}.*\n)+/, '$1');
    expect(withoutLead).not.toContain('Reassurance is usually used');
    const result = importDocument(documentText, withoutLead);
    const entry = parseEntryFile(result.files.get('reassurance.md') ?? '', 'entries/reassurance.md');
    expect(entry.lead.text).toBe('Reassurance is usually used to describe statements and actions taken by states to reduce suspicion, strengthen cooperation and build up mutual trust.');
  });
});

describe('curation errors', () => {
  it('fails clearly when a curated lead is not verbatim in the text', () => {
    const curated = curationText.replace('Empathy is the capacity to see the world from another’s perspective.', 'Empathy is the ability to see the world from another’s perspective.');
    expect(() => importDocument(documentText, curated)).toThrow(ImportError);
    expect(() => importDocument(documentText, curated)).toThrow(/empathy: lead\.text is not found verbatim in section "empathy"/);
  });

  it('fails when a curated lead names a section the entry does not have', () => {
    const curated = curationText.replace('section: empathy', 'section: sympathy');
    expect(() => importDocument(documentText, curated)).toThrow(/lead\.section "sympathy" is not a section/);
  });

  it('fails when an alias does not occur in the document', () => {
    const curated = curationText.replace('aliases: [self-control]', 'aliases: [self-control, self-discipline]');
    expect(() => importDocument(documentText, curated)).toThrow(/alias "self-discipline" does not occur/);
  });

  it('fails when a section break names no paragraph of the entry', () => {
    const curated = curationText.replace('before: A few years ago I taught', 'before: A few years ago I lectured');
    expect(() => importDocument(documentText, curated)).toThrow(/threat-perception-gap: sectionBreaks: no paragraph .* starts "A few years ago I lectured"/);
  });

  it('without its section break, 5B’s essay falls back under "Key points"', () => {
    const curated = curationText.replace(/ {2}sectionBreaks:\n {4}- before: A few years ago I taught\n {6}id: essay\n/, '');
    expect(curated).not.toContain('id: essay');
    const entry = parseEntryFile(importDocument(documentText, curated).files.get('threat-perception-gap.md') ?? '', 'entries/threat-perception-gap.md');
    expect(entry.sections.map((section) => section.id)).not.toContain('essay');
    expect(entry.sections[0]!.paragraphs.some((paragraph) => paragraph.startsWith('A few years ago I taught'))).toBe(true);
  });

  it('fails on an unknown entry id or field', () => {
    expect(() => importDocument(documentText, 'selfrestraint:\n  term: X\n')).toThrow(/"selfrestraint" is not one of the entry ids/);
    expect(() => importDocument(documentText, 'trust:\n  term: Trust\n  lede: x\n')).toThrow(/curation\.yaml: field "trust"/);
  });

  it('matches acronyms as whole words with their capitals', () => {
    expect(occursAsWords('NCI', 'National Core Interests (NCI) refers')).toBe(true);
    expect(occursAsWords('NCI', 'a conciliatory policy')).toBe(false);
    expect(occursAsWords('community of common destiny', 'a “Community of Common Destiny,”')).toBe(true);
  });
});

describe('npm run import', () => {
  const run = promisify(execFile);
  const tsx = path.resolve('node_modules/.bin/tsx');

  it('prints a one-line summary and writes the entries', async () => {
    const dir = await tempDir();
    const { stdout } = await run(tsx, ['src/importer/cli.ts', DOCUMENT, '--out', dir]);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain('Imported 13 entries');
    expect(stdout).toContain('133 footnotes assigned');
    expect((await readdir(dir)).filter((name) => name.endsWith('.md'))).toHaveLength(13);
  });

  it('exits 1 with a one-line reason when the curation does not match the text', async () => {
    const dir = await tempDir();
    const curation = path.join(dir, 'curation.yaml');
    await writeFile(curation, curationText.replace('One recurring approach defines', 'One recurring approach denies'));
    const failure = await run(tsx, ['src/importer/cli.ts', DOCUMENT, '--out', dir, '--curation', curation]).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/^import failed: .*trust: lead\.text is not found verbatim/);
  });

  it('exits 2 with usage when no document is given', async () => {
    const failure = await run(tsx, ['src/importer/cli.ts']).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('usage: npm run import -- <document.md>');
  });
});
