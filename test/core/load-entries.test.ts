import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEntrySet, EntryFileError, footnoteUrls, loadEntries, parseEntryFile, slugify } from '../../src/core/load-entries.js';
import { FIXED_IDS } from '../fixtures/entry-ids.js';

/** A small valid entry file; `patch` rewrites parts of it to make it malformed. */
function entryText(overrides: { front?: string; body?: string } = {}): string {
  const front =
    overrides.front ??
    [
      'id: sample',
      'term: Sample',
      'title: A Sample',
      'part: II',
      'number: "1"',
      'order: 1',
      'contribution: Canadian Contributions',
      'authors: [Zhang Linting]',
      'lead:',
      '  section: intro',
      '  text: Sample is a word.',
    ].join('\n');
  const body = overrides.body ?? 'Sample is a word.[^1] It means little.\n\n## Second Part\n\nMore text.\n\n[^1]: A source, <http://example.org/a\\_b>.\n    Its second line.\n';
  return `---\n${front}\n---\n${body}`;
}

function expectEntryError(run: () => unknown, file: string, field: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EntryFileError);
  const message = (caught as EntryFileError).message;
  expect(message).toContain(file);
  expect(message).toContain(field);
}

const temps: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lexicon-entries-'));
  temps.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('loadEntries on the real lexicon', () => {
  it('loads the 13 entries in document order', async () => {
    const entries = await loadEntries('entries');
    expect(entries.map((entry) => entry.id)).toEqual(FIXED_IDS);
    expect(entries.map((entry) => entry.order)).toEqual(FIXED_IDS.map((_, index) => index + 1));
    expect(entries.every((entry) => entry.file === `entries/${entry.id}.md`)).toBe(true);
  });

  it('gives the sub-terms of 5A and the phases of 7 their own sections', async () => {
    const entries = await loadEntries('entries');
    const empathy = entries.find((entry) => entry.id === 'empathy');
    expect(empathy?.sections.map((section) => section.id)).toEqual(['intro', 'confidence', 'trust', 'empathy', 'confidence-trust-and-empathy-connections-and-pathways']);
    expect(empathy?.sections[0]?.heading).toBeNull();
    const roadmap = entries.find((entry) => entry.id === 'maritime-cooperation-roadmap');
    expect(roadmap?.sections.map((section) => section.heading)).toContain('Phase 1: Clarify the Legal Principles');
  });

  it('has no intro section when the piece opens with a heading (5B opens with "Key points")', async () => {
    const gap = (await loadEntries('entries')).find((entry) => entry.id === 'threat-perception-gap');
    expect(gap?.sections[0]).toMatchObject({ id: 'key-points', heading: 'Key points' });
  });

  it('keeps 5B’s "Key points" to the three points; the untitled essay after them is a section of its own', async () => {
    const gap = (await loadEntries('entries')).find((entry) => entry.id === 'threat-perception-gap')!;
    expect(gap.sections.map((section) => [section.id, section.heading])).toEqual([
      ['key-points', 'Key points'],
      ['essay', null],
      ['security-threats-real-and-imagined', 'Security threats, real and imagined'],
      ['how-to-bridge-the-gap', 'How to bridge the gap'],
    ]);
    expect(gap.sections[0]!.paragraphs.map((paragraph) => paragraph.slice(0, 3))).toEqual(['1. ', '2. ', '3. ']);
    expect(gap.sections[1]!.paragraphs[0]).toMatch(/^A few years ago I taught a graduate seminar/);
    expect(gap.tables.find((table) => table.id === 'sample-articulated-perceived-threats')?.section).toBe('essay');
  });

  it('reads footnotes with their URLs unescaped', async () => {
    const empathy = (await loadEntries('entries')).find((entry) => entry.id === 'empathy');
    const footnote = empathy?.footnotes.find((candidate) => candidate.number === 57);
    expect(footnote?.urls).toEqual([
      'http://www.newyorker.com/arts/critics/atlarge/2013/05/20/130520crat_atlarge_bloom',
      'http://davidwelch.ca/2013/the-case-against-the-case-against-empathy/',
    ]);
  });

  it('does not read entries/source/ (the document is not an entry)', async () => {
    const dir = await tempDir();
    await cp('entries/trust.md', path.join(dir, 'trust.md'));
    await mkdir(path.join(dir, 'source'));
    await writeFile(path.join(dir, 'source', 'document.md'), 'not an entry at all');
    const entries = await loadEntries(dir);
    expect(entries.map((entry) => entry.id)).toEqual(['trust']);
  });
});

describe('parseEntryFile', () => {
  it('parses sections, paragraphs and multi-line footnotes', () => {
    const entry = parseEntryFile(entryText(), 'entries/sample.md');
    expect(entry.sections).toEqual([
      { id: 'intro', heading: null, paragraphs: ['Sample is a word.[^1] It means little.'] },
      { id: 'second-part', heading: 'Second Part', paragraphs: ['More text.'] },
    ]);
    expect(entry.footnotes).toEqual([{ number: 1, text: 'A source, <http://example.org/a\\_b>.\nIts second line.', urls: ['http://example.org/a_b'] }]);
    expect(entry.authorVariants).toEqual([]);
  });

  it('reads an untitled section after a heading from its comment line, heading null', () => {
    const body = 'Sample is a word.\n\n## Notes\n\nOne.\n\n<!-- section: essay -->\n\nTwo.\n';
    const entry = parseEntryFile(entryText({ body }), 'entries/sample.md');
    expect(entry.sections.map((section) => [section.id, section.heading, section.paragraphs])).toEqual([
      ['intro', null, ['Sample is a word.']],
      ['notes', 'Notes', ['One.']],
      ['essay', null, ['Two.']],
    ]);
    const twice = 'Sample is a word.\n\n<!-- section: notes -->\n\nOne.\n\n## Notes\n\nTwo.\n';
    expect(parseEntryFile(entryText({ body: twice }), 'entries/sample.md').sections.map((section) => section.id)).toEqual(['intro', 'notes', 'notes-2']);
    const clash = 'Sample is a word.\n\n## Notes\n\nOne.\n\n<!-- section: notes -->\n\nTwo.\n';
    expect(() => parseEntryFile(entryText({ body: clash }), 'entries/sample.md')).toThrow(/entries\/sample\.md.*section "notes".*twice/);
  });

  it('makes section ids unique within the entry', () => {
    const body = 'Sample is a word.\n\n## Notes\n\nOne.\n\n## Notes\n\nTwo.\n';
    const entry = parseEntryFile(entryText({ body }), 'entries/sample.md');
    expect(entry.sections.map((section) => section.id)).toEqual(['intro', 'notes', 'notes-2']);
  });

  it('rejects bad YAML, naming the file and the front-matter', () => {
    expectEntryError(() => parseEntryFile(entryText({ front: 'id: [unclosed\nterm: x' }), 'entries/sample.md'), 'entries/sample.md', 'front-matter');
  });

  it('rejects a missing field, naming it', () => {
    const front = entryText().split('\n').filter((line) => !line.startsWith('  text:')).join('\n');
    expectEntryError(() => parseEntryFile(front, 'entries/sample.md'), 'entries/sample.md', 'front-matter field "lead.text"');
  });

  it('says "Required" for a missing field, as the schema reads', () => {
    const text = entryText().split('\n').filter((line) => !line.startsWith('term:')).join('\n');
    expect(() => parseEntryFile(text, 'entries/sample.md')).toThrow('entries/sample.md: front-matter field "term": Required');
  });

  it('rejects a field an entry does not have, naming it', () => {
    const text = entryText().replace('order: 1', 'order: 1\nsynonyms: [x]');
    expectEntryError(() => parseEntryFile(text, 'entries/sample.md'), 'entries/sample.md', 'front-matter field "synonyms"');
  });

  it('rejects a field of the wrong type, naming it', () => {
    const text = entryText().replace('order: 1', 'order: first');
    expectEntryError(() => parseEntryFile(text, 'entries/sample.md'), 'entries/sample.md', 'front-matter field "order"');
  });

  it('rejects an id that does not match the file name', () => {
    expectEntryError(() => parseEntryFile(entryText(), 'entries/other.md'), 'entries/other.md', 'front-matter field "id"');
  });

  it('rejects a marker without its footnote definition', () => {
    const body = 'Sample is a word.[^1][^2]\n\n[^1]: A source.\n';
    expectEntryError(() => parseEntryFile(entryText({ body }), 'entries/sample.md'), 'entries/sample.md', '[^2]');
  });

  it('rejects a footnote that is never cited', () => {
    const body = 'Sample is a word.\n\n[^1]: A source.\n';
    expectEntryError(() => parseEntryFile(entryText({ body }), 'entries/sample.md'), 'entries/sample.md', 'footnote [^1]');
  });

  it('rejects a lead that is not verbatim in its section', () => {
    const text = entryText().replace('text: Sample is a word.', 'text: Sample is a very good word.');
    expectEntryError(() => parseEntryFile(text, 'entries/sample.md'), 'entries/sample.md', 'front-matter field "lead.text"');
  });

  it('rejects a lead in a section that does not exist', () => {
    const text = entryText().replace('section: intro', 'section: nowhere');
    expectEntryError(() => parseEntryFile(text, 'entries/sample.md'), 'entries/sample.md', 'front-matter field "lead.section"');
  });

  it('rejects a table whose section does not exist', () => {
    const front = entryText().split('\n---\n')[0]?.slice(4) + '\ntables:\n  - {id: t, caption: T, section: nowhere, columns: [a], rows: [[x]]}';
    expectEntryError(() => parseEntryFile(entryText({ front }), 'entries/sample.md'), 'entries/sample.md', 'tables.0.section');
  });

  it('rejects text after the footnote definitions', () => {
    const body = 'Sample is a word.[^1]\n\n[^1]: A source.\nstray text\n';
    expectEntryError(() => parseEntryFile(entryText({ body }), 'entries/sample.md'), 'entries/sample.md', 'footnote [^1]');
  });
});

describe('checks across entry files', () => {
  it('rejects duplicate ids', () => {
    const a = parseEntryFile(entryText(), 'a/sample.md');
    const b = parseEntryFile(entryText(), 'b/sample.md');
    expectEntryError(() => checkEntrySet([a, b]), 'b/sample.md', 'front-matter field "id"');
  });

  it('rejects a footnote number used by two entries', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sample.md'), entryText());
    const other = entryText().replace('id: sample', 'id: other').replace('order: 1', 'order: 2');
    await writeFile(path.join(dir, 'other.md'), other);
    await expect(loadEntries(dir)).rejects.toThrow(/footnote \[\^1\].*also in/);
  });

  it('stops at a malformed file instead of skipping it', async () => {
    const dir = await tempDir();
    await cp('entries/trust.md', path.join(dir, 'trust.md'));
    const broken = (await readFile('entries/empathy.md', 'utf8')).replace(/^term: .*$/m, 'term: ""');
    await writeFile(path.join(dir, 'empathy.md'), broken);
    await expect(loadEntries(dir)).rejects.toThrow(EntryFileError);
    await expect(loadEntries(dir)).rejects.toThrow(/empathy\.md: front-matter field "term"/);
  });
});

describe('helpers', () => {
  it('slugifies headings to lower-case words joined by hyphens', () => {
    expect(slugify('Confidence, Trust, and Empathy: Connections and Pathways')).toBe('confidence-trust-and-empathy-connections-and-pathways');
    expect(slugify('Phase 1: Clarify the Legal Principles')).toBe('phase-1-clarify-the-legal-principles');
  });

  it('finds URLs in autolinks, links and bare text, once each, escapes undone', () => {
    const text = '[http://a.org/x\\\\_y](http://a.org/x_y); see <https://b.org/p>, and http://c.org/q.';
    expect(footnoteUrls(text)).toEqual(['http://a.org/x_y', 'https://b.org/p', 'http://c.org/q']);
  });
});

describe('the entries directory and its files, as start-up finds them', () => {
  it('stops on an empty entries directory, naming the directory and ENTRIES_DIR', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'source'));
    await expect(loadEntries(dir, { variable: 'ENTRIES_DIR' })).rejects.toThrow(EntryFileError);
    await expect(loadEntries(dir, { variable: 'ENTRIES_DIR' })).rejects.toThrow(new RegExp(`${dir}: ENTRIES_DIR: holds no entry files`));
  });

  it('stops on a missing entries directory, naming the variable that set it', async () => {
    const dir = path.join(await tempDir(), 'nowhere');
    await expect(loadEntries(dir, { variable: 'ENTRIES_DIR' })).rejects.toThrow(new RegExp(`${dir}: ENTRIES_DIR: no such directory; set ENTRIES_DIR`));
  });

  it('stops on two entries with the same order, naming both files and the field', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sample.md'), entryText());
    const other = entryText({ body: 'Other is a word.\n' }).replace('id: sample', 'id: other').replace('text: Sample is a word.', 'text: Other is a word.');
    await writeFile(path.join(dir, 'other.md'), other);
    await expect(loadEntries(dir)).rejects.toThrow(/sample\.md: front-matter field "order": 1 is also the order of .*other\.md/);
  });

  it('stops on a file that is not valid UTF-8, naming the file, the encoding and the byte', async () => {
    const dir = await tempDir();
    const latin1 = Buffer.from(entryText().replace('It means little.', 'It means little, caf\u00e9.'), 'latin1');
    await writeFile(path.join(dir, 'sample.md'), latin1);
    const offset = latin1.indexOf(0xe9);
    await expect(loadEntries(dir)).rejects.toThrow(new RegExp(`sample\\.md: encoding: not valid UTF-8 \\(first bad byte at offset ${offset}\\)`));
  });

  it('reads a file that starts with a byte-order mark', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sample.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(entryText(), 'utf8')]));
    const [entry] = await loadEntries(dir);
    expect(entry?.id).toBe('sample');
    expect(entry?.term).toBe('Sample');
  });

  it('reads an upper-case .MD file as an entry', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sample.MD'), entryText());
    const entries = await loadEntries(dir);
    expect(entries.map((entry) => entry.id)).toEqual(['sample']);
  });

  it('follows symbolic links to entry files, through a symlinked ..data directory as a Kubernetes ConfigMap mounts them', async () => {
    const dir = await tempDir();
    // The layout kubelet writes: ..2026_12_01/<files>, ..data -> ..2026_12_01, <file> -> ..data/<file>.
    await mkdir(path.join(dir, '..2026_12_01_08_00_00.123'));
    for (const id of ['trust', 'empathy']) await cp(`entries/${id}.md`, path.join(dir, '..2026_12_01_08_00_00.123', `${id}.md`));
    await symlink('..2026_12_01_08_00_00.123', path.join(dir, '..data'));
    await symlink('..data/trust.md', path.join(dir, 'trust.md'));
    await symlink('..data/empathy.md', path.join(dir, 'empathy.md'));
    const entries = await loadEntries(dir);
    expect(entries.map((entry) => entry.id).sort()).toEqual(['empathy', 'trust']);
  });

  it('stops on a symbolic link to nothing instead of skipping it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'sample.md'), entryText());
    await symlink('gone.md', path.join(dir, 'other.md'));
    await expect(loadEntries(dir)).rejects.toThrow(/other\.md: file: a symbolic link to nothing/);
  });
});
