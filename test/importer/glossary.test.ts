/**
 * The document's own glossary, checked like the entries are: every span is a verbatim substring of
 * the document, sits where it says, and lists exactly the footnotes marked inside it; and the
 * extractor finds the acronyms the document spells out with the Schwartz–Hearst matching.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { loadEntries } from '../../src/core/load-entries.js';
import { extractGlossary, longFormOf, markersIn, sentenceRanges } from '../../src/importer/glossary.js';
import { JOINED_WORD_REPAIRS } from '../../src/importer/repairs.js';

const DOCUMENT = 'entries/source/cooperative-security-2.0.md';

/** The document's text and a span compared letter for letter: markers as printed, spacing and page breaks aside. */
function documentForm(text: string): string {
  let out = text.replace(/\[\^(\d+)\]/g, '<sup>$1</sup>').replace(/<sup>([A-Za-z]{2})<\/sup>/g, '$1');
  for (const [joined, repaired] of JOINED_WORD_REPAIRS) out = out.split(repaired).join(joined);
  return out.replace(/\s+/g, '');
}

let entries: Entry[];
let document: string;

beforeAll(async () => {
  entries = await loadEntries('entries');
  document = documentForm(await readFile(DOCUMENT, 'utf8'));
});

describe('the committed glossary', () => {
  it('holds the acronyms the pieces spell out, with their long forms', () => {
    const byTerm = new Map(entries.flatMap((entry) => entry.glossary.map((item) => [`${entry.id}:${item.term}`, item] as const)));
    expect(byTerm.get('trust:ARF')?.longForm).toBe('ASEAN Regional Forum');
    expect(byTerm.get('trust:CICA')?.longForm).toBe('Conference on Interaction and Cooperation and Confidence Building Measures in Asia');
    expect(byTerm.get('reassurance:GRIT')?.longForm).toBe('Gradual Reciprocation in Tension Reduction');
    expect(byTerm.get('maritime-cooperation-roadmap:UNCLOS')?.longForm).toBe('UN Convention on the Law of the Sea');
    expect(byTerm.get('opportunity-engineering:CSIS')?.longForm).toBe('Center for Strategic and International Studies');
    expect(byTerm.get('threat-perception-gap:MMR')).toMatchObject({ longForm: 'Military to Military Relations', footnote: 71 });
    expect(byTerm.get('empathy:empathy')).toMatchObject({ quoting: 'Oxford English Dictionary' });
  });

  it('has every span verbatim in the document and in the paragraph or footnote it names', () => {
    let count = 0;
    for (const entry of entries) {
      for (const item of entry.glossary) {
        count++;
        expect(document.includes(documentForm(item.text)), `${entry.id}: ${item.term}`).toBe(true);
        const where = item.footnote !== undefined
          ? entry.footnotes.find((footnote) => footnote.number === item.footnote)?.text
          : entry.sections.find((section) => section.id === item.section)?.paragraphs[item.paragraph ?? -1];
        expect(where, `${entry.id}: ${item.term}: location`).toBeDefined();
        expect(where!.includes(item.text), `${entry.id}: ${item.term}: not in its paragraph`).toBe(true);
      }
    }
    expect(count).toBeGreaterThan(40);
  });

  it('lists exactly the footnotes marked inside each span, each one a footnote of the entry', () => {
    for (const entry of entries) {
      for (const item of entry.glossary) {
        expect(item.footnotes, `${entry.id}: ${item.term}`).toEqual(markersIn(item.text));
        for (const number of item.footnotes) expect(entry.footnotes.some((f) => f.number === number)).toBe(true);
      }
    }
  });

  it('has a human’s word on every item: each one accepted or added in entries/curation.yaml, none left as extracted', () => {
    const unreviewed = entries.flatMap((entry) => entry.glossary.filter((item) => item.review === 'extracted').map((item) => `${entry.id}: ${item.term}`));
    expect(unreviewed).toEqual([]);
  });

  it('keeps TBMs apart from confidence-building measures (the piece says they differ)', () => {
    const tbm = entries.find((entry) => entry.id === 'trust-building-measures')!;
    expect(tbm.aliases.map((alias) => alias.toLowerCase())).not.toContain('cbms');
    expect(tbm.aliases.join(' ').toLowerCase()).not.toContain('confidence');
    expect(tbm.glossary.find((item) => item.term === 'CBMs')?.longForm).toBe('confidence building measures');
  });
});

describe('the extractor', () => {
  it('matches a short form to its long form (Schwartz–Hearst), plural short forms included', () => {
    expect(longFormOf('ARF', 'is frequently used in the ASEAN Regional Forum')).toBe('ASEAN Regional Forum');
    expect(longFormOf('CSBMs', 'confidence- and security-building measures')).toBe('confidence- and security-building measures');
    expect(longFormOf('ASPAC', 'the Australia and Japanese-centered Asia and Pacific Council')).toBe('Asia and Pacific Council');
    expect(longFormOf('XYZ', 'nothing to do with it')).toBeUndefined();
  });

  it('finds terms by the document’s own defining patterns and records a quoted source', () => {
    const items = extractGlossary([
      { section: 's', paragraph: 0, text: '*The availability heuristic.* This is the tendency to allow ease of recall to influence our judgments.' },
      { section: 's', paragraph: 1, text: 'The OED defines trust as "confidence in or reliance on some quality." At first glance.' },
      { section: 's', paragraph: 2, text: 'Because strategic trust refers to perceptions of officials, it varies.' },
    ]);
    expect(items.map((item) => item.term)).toEqual(['availability heuristic', 'trust']);
    expect(items[1]).toMatchObject({ quoting: 'OED', paragraph: 1, review: 'extracted' });
  });

  it('does not end a sentence at an abbreviation', () => {
    const text = 'The U.S. and China, e.g. in 2013, spoke of it. Then it ended.';
    expect(sentenceRanges(text).map(([a, b]) => text.slice(a, b))).toEqual(['The U.S. and China, e.g. in 2013, spoke of it.', 'Then it ended.']);
  });
});
