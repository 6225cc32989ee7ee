/**
 * Small entries for search unit tests, written in the document's own words and shape (sections,
 * aliases, translations with romanizations, author variants), so search behaviour can be proved
 * without the full lexicon. Tests over the real lexicon load `entries/` instead.
 */
import type { Entry, Section, Translation } from '../../src/core/entry.js';

const APPENDIX = { label: '5A Appendix: Candidate translations for specified English-language meanings' };

function section(id: string, heading: string | null, paragraphs: string[]): Section {
  return { id, heading, paragraphs };
}

function translation(concept: string, language: Translation['language'], text: string | undefined, romanization: string): Translation {
  const t: Translation = { concept, language, romanization, source: APPENDIX };
  if (text !== undefined) t.text = text;
  return t;
}

function entry(fields: Pick<Entry, 'id' | 'term' | 'title' | 'authors' | 'sections'> & Partial<Entry>): Entry {
  return {
    part: 'II',
    number: '1',
    order: 1,
    contribution: 'Canadian Contributions',
    authorVariants: [],
    aliases: [],
    lead: { section: fields.sections[0]?.id ?? 'intro', text: fields.sections[0]?.paragraphs[0] ?? fields.term },
    tables: [],
    translations: [],
    footnotes: [],
    file: `entries/${fields.id}.md`,
    ...fields,
    glossary: fields.glossary ?? [],
  };
}

/** Trust: a headword that is also a heading inside Empathy, with a romanization-only translation. */
export const trust = entry({
  id: 'trust',
  term: 'Trust',
  title: 'Trust',
  authors: ['Jagaa Menduul'],
  authorVariants: ['Jaaga Menduul'],
  aliases: ['mutual trust', 'strategic trust'],
  translations: [translation('trust', 'zh', undefined, 'xinlai')],
  sections: [section('intro', null, [
    'Trust is a belief that another party will act in a manner consistent with one’s interests.[^28]',
    'Mutual trust is built slowly and lost quickly.',
  ])],
});

/** Trust-Building Measures: acronyms and plural aliases. */
export const trustBuildingMeasures = entry({
  id: 'trust-building-measures',
  term: 'Trust-Building Measures',
  title: 'Trust-Building Measures',
  authors: ['Jagaa Menduul'],
  aliases: ['TBMs', 'CBMs', 'CSBMs', 'confidence building measures'],
  sections: [section('intro', null, [
    'Confidence-building measures (CBMs) and trust-building measures (TBMs) include prior notification of military exercises.',
  ])],
});

/** Empathy: sections Confidence / Trust / Empathy and CJK translations of three concepts. */
export const empathy = entry({
  id: 'empathy',
  term: 'Empathy',
  title: 'Empathy, Part I: Defining Confidence, Trust, Empathy',
  authors: ['David A. Welch'],
  authorVariants: ['David Welch'],
  translations: [
    translation('confidence', 'zh', '信心', 'XinXin'),
    translation('trust', 'zh', '信任', 'XinRen'),
    translation('empathy', 'zh', '同理心', 'Tong Li Xin'),
    translation('empathy', 'ja', '共感', 'Kyokan'),
    translation('empathy', 'ko', '공감', 'Gong-gam'),
  ],
  sections: [
    section('intro', null, ['The words confidence, trust and empathy are often used loosely.']),
    section('confidence', 'Confidence', ['Confidence is a degree of subjective certainty resting on situational constraints.']),
    section('trust', 'Trust', ['Trust is a degree of subjective certainty resting on dispositional considerations.']),
    section('empathy', 'Empathy', ['Empathy is the capacity to understand another’s view of the world.']),
  ],
});

/** A second piece by the same author, so an author query is ambiguous. */
export const threatPerceptionGap = entry({
  id: 'threat-perception-gap',
  term: 'Threat perception gap',
  title: 'Empathy, Part II: The yawning gap between threat and threat perception in Northeast Asia',
  authors: ['David A. Welch'],
  sections: [section('key-points', 'Key points', [
    'Northeast Asia is one of the safest regions in the world, yet threat perceptions are high.',
  ])],
});

/** A long paragraph with an accented word far from its start, for excerpts. */
export const maritime = entry({
  id: 'maritime-cooperation-roadmap',
  term: 'Roadmap for Cooperation in East Asian Maritime Disputes',
  title: 'A Roadmap for Cooperation in East Asian Maritime Disputes',
  authors: ['James Manicom'],
  sections: [
    section('phase-1', 'Phase 1: Clarify the Legal Principles', [
      `${'East Asian states may consider that once a dispute crystallizes, subsequent acts of jurisdiction matter less. '.repeat(4)}`
        + 'Efforts to illustrate effective occupation (*effectivités*) are moot. '
        + 'Although some countries deny that disputes exist as a bargaining tactic, this cannot obscure the fact that other countries have registered their opposition.',
    ]),
    section('phase-2', 'Phase 2: Building Functional Cooperation at Sea', ['Functional cooperation at sea can begin with search and rescue.']),
  ],
});

/** All fixture entries, in document order. */
export const fixtureEntries: readonly Entry[] = [trust, trustBuildingMeasures, empathy, threatPerceptionGap, maritime];
