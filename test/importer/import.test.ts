/**
 * The real importer on the real document: data quality of every generated entry.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { loadEntries } from '../../src/core/load-entries.js';
import { runImport } from '../../src/importer/cli.js';
import { JOINED_WORD_REPAIRS } from '../../src/importer/repairs.js';
import { FIXED_IDS } from '../fixtures/entry-ids.js';

const DOCUMENT = 'entries/source/cooperative-security-2.0.md';
const CURATION = 'entries/curation.yaml';
let outDir: string;
let summary: string;
let entries: Entry[];
let documentText: string;

function entry(id: string): Entry {
  const found = entries.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}
function bodyOf(candidate: Entry): string {
  return candidate.sections.flatMap((section) => [section.heading ?? '', ...section.paragraphs]).join('\n\n');
}
function footnote(id: string, number: number) {
  const found = entry(id).footnotes.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`footnote ${number} not in ${id}`);
  return found;
}

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'lexicon-import-'));
  summary = await runImport({ document: DOCUMENT, outDir, curation: CURATION });
  entries = await loadEntries(outDir);
  documentText = await readFile(DOCUMENT, 'utf8');
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('entry files', () => {
  it('writes one file per fixed id, in document order, and says so in one line', async () => {
    expect((await readdir(outDir)).sort()).toEqual(FIXED_IDS.map((id) => `${id}.md`).sort());
    expect(entries.map((candidate) => candidate.id)).toEqual(FIXED_IDS);
    expect(summary).toMatch(/^Imported 13 entries into .*\(133 footnotes assigned, \d+ page-break joins\)\.$/);
  });

  it('keeps the committed entries/ up to date with the importer', async () => {
    for (const id of FIXED_IDS) {
      const generated = await readFile(path.join(outDir, `${id}.md`), 'utf8');
      const committed = await readFile(path.join('entries', `${id}.md`), 'utf8');
      expect(committed, `entries/${id}.md is stale: run npm run import -- ${DOCUMENT}`).toBe(generated);
    }
  });

  it('records part, number and contribution of each piece', () => {
    expect(entries.map((candidate) => `${candidate.part}.${candidate.number}`)).toEqual([
      'I.', 'II.1', 'II.2', 'II.3', 'II.4', 'II.5A', 'II.5B', 'II.6', 'II.7', 'III.1', 'III.2', 'III.3', 'III.4',
    ]);
    expect(entry('cooperative-security-2-0').contribution).toBe('Overview');
    expect(entry('empathy').contribution).toBe('Canadian Contributions');
    expect(entry('opportunity-engineering').contribution).toBe('Chinese Contributions');
  });
});

describe('footnotes', () => {
  it('puts each of the 133 footnotes in exactly one entry', () => {
    const numbers = entries.flatMap((candidate) => candidate.footnotes.map((note) => note.number)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 133 }, (_, index) => index + 1));
  });

  it('puts each footnote in the entry whose running text cites it', () => {
    for (const candidate of entries) {
      const body = bodyOf(candidate);
      for (const note of candidate.footnotes) expect(body, `${candidate.id} [^${note.number}]`).toContain(`[^${note.number}]`);
    }
  });

  it('gives footnote 7 (printed inside Reassurance) to Self-Restraint', () => {
    expect(footnote('self-restraint', 7).text).toBe('Wendt 1999, p.360');
    expect(entry('reassurance').footnotes.map((note) => note.number)).not.toContain(7);
  });

  it('gives footnotes 30–35 (printed after the TBM heading) to Trust', () => {
    const trust = entry('trust').footnotes.map((note) => note.number);
    for (let number = 30; number <= 35; number++) expect(trust).toContain(number);
    expect(entry('trust-building-measures').footnotes.map((note) => note.number)[0]).toBe(36);
  });

  it('keeps multi-line footnotes whole with their URLs', () => {
    expect(footnote('consociational-security-order', 78).urls).toContain('http://www.brookings.edu/~media/Files/events/2012/0131_us_asia/20120131_pivot_asia.pdf');
    const lecture = footnote('new-model-of-major-power-relations', 122);
    expect(lecture.text).toContain('\nForrestal Lecture at the Naval Academy');
    expect(lecture.urls).toEqual(['http://www.state.gov/secretary/rm/2012/03/185402.htm', 'http://www.state.gov/secretary/rm/2012/04/187693.htm']);
    expect(footnote('new-model-of-major-power-relations', 131).urls).toEqual(['http://www.chinausfocus.com/foreign-policy/a-new-great-power-relationship/']);
    expect(footnote('new-model-of-major-power-relations', 133).urls).toEqual(['http://www.nbr.org/publications/asia_policy/free/ap16/AP16_NewRelationship_050813advance.pdf']);
    expect(footnote('community-of-human-destiny', 89).urls).toContain('http://news.xinhuanet.com/2013-03/25/c_124501703.html');
  });

  it('joins a footnote that a page break cut in two (70)', () => {
    expect(footnote('threat-perception-gap', 70).text).toContain('Each of these three elements has comparative advantages and disadvantages as sources of insight;');
    expect(footnote('threat-perception-gap', 70).text).toMatch(/1994\)\.$/);
  });

  it('keeps footnote text verbatim (Markdown and all) and unescapes only the URLs', () => {
    expect(footnote('empathy', 57).text).toContain('130520crat\\\\_atlarge\\\\_bloom');
    expect(footnote('empathy', 57).urls[0]).toBe('http://www.newyorker.com/arts/critics/atlarge/2013/05/20/130520crat_atlarge_bloom');
    expect(footnote('trust', 24).text).toBe('Andrew Kydd, *Trust and Mistrust in International Relations* (Princeton University Press, Princeton, 2005), p. 3.');
  });
});

describe('running text', () => {
  it('joins a sentence cut by a page break and an interleaved footnote block', () => {
    expect(entry('self-restraint').sections[0]?.paragraphs[0]).toContain(
      'Norbert Elias referred to self-restraint as the key genetic material of what he calls “civilizing process”[^2].',
    );
    expect(bodyOf(entry('self-restraint'))).toContain('Wendt describes it as “the ultimate basis for collective identity and friendship.”[^7]');
    expect(bodyOf(entry('trust'))).toContain('A second defines trust "an actor\'s perception that it may safely delegate control over its interests');
    expect(bodyOf(entry('empathy'))).toContain('destroy the progression altogether. It is interesting');
  });

  it('joins a word cut at a hyphen across pages', () => {
    expect(bodyOf(entry('new-model-of-major-power-relations'))).toContain('to explore a new path for major-power relations.');
  });

  it('drops figure labels the conversion left mid-sentence', () => {
    expect(bodyOf(entry('empathy'))).toContain('that explains (for example) why the United States');
    for (const candidate of entries) expect(bodyOf(candidate)).not.toMatch(/^Figure \d+$/m);
  });

  it('leaves no page artifacts, HTML or table pipes in any body', () => {
    for (const candidate of entries) {
      const body = bodyOf(candidate);
      for (const artifact of ['---', '<sup>', '</sup>', '<br', '|--', '<ul', '<li', '$']) {
        expect(body, `${candidate.id} contains ${artifact}`).not.toContain(artifact);
      }
      expect(body, `${candidate.id} has a stray page number`).not.toMatch(/^\s*\d+\s*$/m);
      expect(body, `${candidate.id} has a table line`).not.toMatch(/^\|/m);
    }
  });

  it('writes ordinals as plain text and markers as [^N]', () => {
    expect(bodyOf(entry('cooperative-security-2-0'))).toContain('challenges and opportunities of the 21st century');
    expect(bodyOf(entry('consociational-security-order'))).toContain('the 19th century European Concert of Powers');
    expect(bodyOf(entry('opportunity-engineering'))).toContain('February 15th 2008');
    expect(footnote('self-restraint', 1).text).toContain('10th Edition');
    expect(footnote('trust', 31).text).toContain('the 12th IISS Asia Security Summit');
    expect(footnote('consociational-security-order', 83).text).toContain('26th September 2012');
    for (const candidate of entries) expect(bodyOf(candidate)).not.toMatch(/\[\^(?:st|nd|rd|th)\]/i);
  });

  it('repairs the words the conversion joined, from the one list, in the body only', () => {
    for (const [joined, repaired] of JOINED_WORD_REPAIRS) {
      expect(documentText).toContain(joined);
      const bodies = entries.map(bodyOf).join('\n');
      expect(bodies).not.toContain(joined);
      expect(bodies).toContain(repaired);
    }
    expect(bodyOf(entry('consociational-security-order'))).toContain('island dispute with Japan');
    expect(bodyOf(entry('maritime-cooperation-roadmap'))).toContain('echoed by Meng Xiangqing of the National Defense University');
  });

  it('types "2+2=4" as plain text, not the converter\'s maths markup', () => {
    expect(bodyOf(entry('empathy'))).toContain('I am confident that 2+2=4.');
    expect(bodyOf(entry('empathy'))).toContain('There is no doubt whatsoever that 2+2=4, because');
  });

  it('keeps Jiang Wenran\'s closing page out of the last piece\'s body', () => {
    const body = bodyOf(entry('new-model-of-major-power-relations'));
    for (const leftover of ['Jiang Wenran', 'December 2013', '协和', 'xiehe', 'Chinese translation']) expect(body).not.toContain(leftover);
    expect(body).toMatch(/avoid gratuitous acts that alienate citizens in the other country\.\[\^133\]$/);
  });
});

describe('sections', () => {
  it('turns the headings inside a piece into sections, piece headings excluded', () => {
    const ids = (id: string) => entry(id).sections.map((section) => section.heading);
    expect(ids('empathy')).toEqual([null, 'Confidence', 'Trust', 'Empathy', 'Confidence, Trust, and Empathy: Connections and Pathways']);
    // 5B's untitled essay after its key points is a section of its own, with no heading invented (curation).
    expect(ids('threat-perception-gap')).toEqual(['Key points', null, 'Security threats, real and imagined', 'How to bridge the gap']);
    expect(ids('consociational-security-order')).toEqual([null, 'Prospects for a CSO in Asia']);
    expect(ids('maritime-cooperation-roadmap')).toEqual([
      null,
      'Past Dispute Management Efforts',
      'The Challenge of Cooperation',
      'Phase 1: Clarify the Legal Principles',
      'Phase 2: Building Functional Cooperation at Sea',
      'Conclusion',
    ]);
    for (const id of ['self-restraint', 'reassurance', 'trust', 'trust-building-measures', 'new-model-of-major-power-relations']) expect(ids(id)).toEqual([null]);
  });
});

describe('tables', () => {
  it('rejoins the 5A appendix across its page break (the Trust row and 신뢰)', () => {
    const table = entry('empathy').tables.find((candidate) => candidate.id === 'candidate-translations');
    expect(table?.columns).toEqual(['Concept', 'English', 'Mandarin', 'Japanese', 'Korean']);
    expect(table?.rows.map((row) => row[1])).toEqual(['Confidence', 'Trust', 'Empathy']);
    const trust = table?.rows[1];
    expect(trust?.[0]).toBe('A degree of subjective certainty resting on dispositional considerations (well-meaning character; relationship based on mutual concern and respect)');
    expect(trust?.[4]).toBe('신임 (Shin-im)\n신용 (Shin-yong)\n신뢰 (Shin-roe)');
    expect(table?.section).toBe('confidence-trust-and-empathy-connections-and-pathways');
  });

  it('turns the 5B table\'s HTML lists into lines and keeps its legend', () => {
    const table = entry('threat-perception-gap').tables[0];
    expect(table?.caption).toBe('Table 1: Sample articulated perceived threats');
    expect(table?.columns).toEqual(['Perceiver', 'PRC', 'Japan', 'ROK', 'USA']);
    expect(table?.rows[0]).toEqual(['PRC', '', '● Resurgent militarism\n● Diaoyutai', '◎ Springboard for American hegemony', '● Keeping China poor and weak']);
    expect(table?.note).toContain('● Serious, ◎ Moderate, ○ Low');
  });

  it('keeps the security-orders matrix of piece 6', () => {
    const table = entry('consociational-security-order').tables[0];
    expect(table?.caption).toBe('Table 1: Security Orders');
    expect(table?.columns).toEqual(['Integration', 'Leadership: Great Power/s only', 'Leadership: Shared']);
    expect(table?.rows).toEqual([
      ['High', 'Hegemony', 'Community'],
      ['Low', 'Concert', 'Consociation'],
    ]);
  });

  it('takes table captions out of the running text', () => {
    expect(bodyOf(entry('empathy'))).not.toContain('Appendix: Candidate translations');
    expect(bodyOf(entry('threat-perception-gap'))).not.toContain('Table 1: Sample');
    expect(bodyOf(entry('consociational-security-order'))).not.toContain('Table 1: Security Orders');
  });
});

describe('translations', () => {
  it('records every rendering of the 5A appendix with its romanization and provenance', () => {
    const translations = entry('empathy').translations;
    // Confidence 1 + 2 + 2, Trust 1 + 1 + 3, Empathy 2 + 2 + 1 renderings (zh + ja + ko).
    expect(translations).toHaveLength(15);
    expect(translations).toContainEqual(expect.objectContaining({ concept: 'confidence', language: 'zh', text: '信心', romanization: 'XinXin' }));
    expect(translations).toContainEqual(expect.objectContaining({ concept: 'confidence', language: 'ja', text: '確信', romanization: 'Kakushin' }));
    expect(translations).toContainEqual(expect.objectContaining({ concept: 'trust', language: 'ko', text: '신뢰', romanization: 'Shin-roe' }));
    expect(translations).toContainEqual(expect.objectContaining({ concept: 'empathy', language: 'zh', text: '同理心', romanization: 'Tong Li Xin' }));
    expect(translations).toContainEqual(expect.objectContaining({ concept: 'empathy', language: 'ja', text: '共感', romanization: 'Kyokan' }));
    expect(translations).toContainEqual(expect.objectContaining({ concept: 'empathy', language: 'ko', text: '공감', romanization: 'Gong-gam' }));
    for (const translation of translations) {
      expect(translation.source.label).toContain('Appendix');
      expect(translation.source.label).toContain('David A. Welch');
      expect(documentText).toContain(translation.text ?? '');
      expect(documentText).toContain(translation.romanization ?? '');
    }
  });

  it('records the four CSO renderings by Jiang Wenran with pinyin and glosses', () => {
    const translations = entry('consociational-security-order').translations;
    expect(translations.map((translation) => translation.text)).toEqual(['协和安全机制', '共同体安全机制', '多元共存安全机制', '多元共进安全机制']);
    expect(translations[0]).toMatchObject({
      concept: 'consociational security order',
      language: 'zh',
      romanization: 'xiehe anquan jizhi',
      source: { by: 'Jiang Wenran', date: 'December 2013' },
    });
    expect(translations[0]?.glosses?.[0]).toEqual({ word: 'xiehe', meaning: 'harmonious, accommodating, coordinated' });
    expect(translations[1]?.glosses).toContainEqual({ word: 'anquan', meaning: 'security' });
    expect(translations[2]?.glosses).toContainEqual({ word: 'gongcun', meaning: 'co-existence, co-survival, symbiotic' });
  });

  it('records footnote 28\'s xinren and xinlai by romanization only, on Trust', () => {
    const translations = entry('trust').translations;
    expect(translations).toEqual([
      expect.objectContaining({ concept: 'confidence', language: 'zh', romanization: 'xinren', source: expect.objectContaining({ footnote: 28 }) }),
      expect.objectContaining({ concept: 'trust', language: 'zh', romanization: 'xinlai', source: expect.objectContaining({ footnote: 28 }) }),
    ]);
    expect(translations.every((translation) => translation.text === undefined)).toBe(true);
  });

  it('records the Chinese title footnote 125 gives for the new model', () => {
    expect(entry('new-model-of-major-power-relations').translations).toEqual([
      expect.objectContaining({ concept: 'new model of major power relations', language: 'zh', text: '新型大国关系', source: expect.objectContaining({ footnote: 125 }) }),
    ]);
  });

  it('records no translation for entries the document translates nothing for', () => {
    const translated = entries.filter((candidate) => candidate.translations.length > 0).map((candidate) => candidate.id);
    expect(translated.sort()).toEqual(['consociational-security-order', 'empathy', 'new-model-of-major-power-relations', 'trust']);
  });
});

describe('curated fields', () => {
  it('repairs the authors the conversion joined and keeps other spellings as variants', () => {
    expect(entry('trust').authors).toEqual(['Jagaa Menduul']);
    expect(entry('trust').authorVariants).toContain('Jaaga Menduul');
    expect(entry('consociational-security-order').authors).toEqual(['Amitav Acharya']);
    expect(entry('opportunity-engineering').authors).toEqual(['Zheng Yingqin']);
    expect(entry('opportunity-engineering').authorVariants).toEqual(['Zheng Yinqin']);
    expect(entry('cooperative-security-2-0').authors).toEqual(['Chen', 'Evans']);
    for (const candidate of entries) {
      for (const name of [...candidate.authors, ...candidate.authorVariants]) {
        const surname = name.split(' ').at(-1) ?? name;
        expect(documentText, `${candidate.id}: ${name}`).toMatch(new RegExp(surname, 'i'));
      }
    }
  });

  it('takes every alias from the text itself', () => {
    for (const candidate of entries) {
      for (const alias of candidate.aliases) expect(documentText.toLowerCase(), `${candidate.id}: ${alias}`).toContain(alias.toLowerCase());
    }
    expect(entry('new-model-of-major-power-relations').aliases).toEqual(expect.arrayContaining(['NMGPR', 'new type of great power relationship', 'new type of major-power relationship']));
    expect(entry('community-of-human-destiny').aliases).toContain('community of common destiny');
    expect(entry('opportunity-engineering').aliases).toEqual(expect.arrayContaining(['chance engineering', 'chance management']));
    expect(entry('trust-building-measures').aliases).toEqual(['TBMs', 'trust building measures']);
  });

  it('chooses empathy\'s lead in its Empathy section, verbatim', () => {
    expect(entry('empathy').lead).toEqual({ section: 'empathy', text: 'Empathy is the capacity to see the world from another’s perspective.' });
  });

  it('has each lead verbatim in its section', () => {
    for (const candidate of entries) {
      const section = candidate.sections.find((candidateSection) => candidateSection.id === candidate.lead.section);
      expect(section?.paragraphs.some((paragraph) => paragraph.includes(candidate.lead.text)), candidate.id).toBe(true);
    }
  });
});
