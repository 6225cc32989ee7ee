import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEntries } from '../../src/core/load-entries.js';
import { createLexicon } from '../../src/core/load-lexicon.js';
import { createLexiconSearch } from '../../src/search/index.js';
import { runImport } from '../../src/importer/cli.js';
import { paragraphAnchors } from '../../src/core/anchors.js';
import { PAGE_PART_ANCHORS, renderEntryPage } from '../../src/web/pages/entry.js';
import { idsOf, realLexicon } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('anchors', () => {
  it('give the addresses people share: sections by name, footnotes by number', async () => {
    const lexicon = await realLexicon();
    const trust = idsOf(renderEntryPage(lexicon, lexicon.entry('trust')!));
    expect(trust).toContain('fn-28');
    expect(trust).toContain('fnref-28');
    const empathy = idsOf(renderEntryPage(lexicon, lexicon.entry('empathy')!));
    expect(empathy).toContain('confidence');
    expect(empathy.filter((id) => id.startsWith('confidence-p-'))).not.toHaveLength(0);
  });

  it('are unique on every entry page, and no section is named like a part of the page', async () => {
    const lexicon = await realLexicon();
    for (const entry of lexicon.entries) {
      const ids = idsOf(renderEntryPage(lexicon, entry));
      expect(new Set(ids).size, entry.id).toBe(ids.length);
      for (const section of entry.sections) expect(Object.values(PAGE_PART_ANCHORS)).not.toContain(section.id);
    }
  });

  it('come out identical when the document is imported again', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'lexicon-web-anchors-'));
    temporary.push(outDir);
    await runImport({
      document: path.join(ROOT, 'entries/source/cooperative-security-2.0.md'),
      outDir,
      curation: path.join(ROOT, 'entries/curation.yaml'),
    });
    const entries = await loadEntries(outDir);
    const fresh = createLexicon(entries, createLexiconSearch(entries));
    const committed = await realLexicon();
    expect(fresh.entries.map((e) => e.id)).toEqual(committed.entries.map((e) => e.id));
    for (const entry of committed.entries) {
      const again = fresh.entry(entry.id)!;
      expect(idsOf(renderEntryPage(fresh, again)), entry.id).toEqual(idsOf(renderEntryPage(committed, entry)));
    }
  });

  it('keep a paragraph’s anchor when another paragraph is added before it', async () => {
    const empathy = (await realLexicon()).entry('empathy')!;
    const before = paragraphAnchors(empathy);
    const edited = {
      sections: empathy.sections.map((section, i) => (i === 0 ? { ...section, paragraphs: ['A new opening paragraph.', ...section.paragraphs] } : section)),
    };
    const after = paragraphAnchors(edited);
    expect(after[0]?.slice(1)).toEqual(before[0]);
    expect(after.slice(1)).toEqual(before.slice(1));
  });
});
