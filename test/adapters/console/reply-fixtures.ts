/**
 * Hand-built replies for renderer tests, shaped like the core's Reply so the renderer can be
 * proved without the commands. Quoted text is copied verbatim from the source document.
 */
import { SOURCE_CAVEAT, text, type Reply } from '../../../src/core/reply.js';

/** A reply with an empty body, to spread specific blocks over. */
export function baseReply(overrides: Partial<Reply>): Reply {
  return {
    kind: 'definition',
    title: 'Title',
    entryId: null,
    blocks: [],
    page: { index: 1, count: 1 },
    actions: [],
    request: { command: 'define', options: { term: 'x' } },
    ...overrides,
  };
}

export const EMPATHY_LEAD =
  'Empathy is the capacity to see the world from another’s perspective. Importantly, the definition says nothing about sharing that perspective or agreeing with it.';

export const definitionReply: Reply = baseReply({
  kind: 'definition',
  title: 'Empathy',
  subtitle: 'David A. Welch · II.5A Empathy, Part I: Defining Confidence, Trust, Empathy',
  entryId: 'empathy',
  sectionId: 'empathy',
  blocks: [
    { kind: 'quote', text: EMPATHY_LEAD + '⁵⁷' },
    { kind: 'facts', facts: [{ label: 'Author', value: 'David A. Welch' }] },
    {
      kind: 'translations',
      translations: [
        {
          concept: 'empathy',
          language: 'zh',
          languageName: 'Mandarin',
          text: '同理心',
          romanization: 'Tong Li Xin',
          source: { label: 'Appendix to 5A (David A. Welch)' },
          entryId: 'empathy',
        },
        {
          concept: 'empathy',
          language: 'ja',
          languageName: 'Japanese',
          text: '共感',
          romanization: 'Kyokan',
          source: { label: 'Appendix to 5A (David A. Welch)' },
          entryId: 'empathy',
        },
      ],
    },
    {
      kind: 'citations',
      citations: [
    {
      number: 57,
      text: 'Paul Bloom, “The Baby in the Well: The Case against Empathy,” The New Yorker, 20 May 2013, http://www.newyorker.com/arts/critics/atlarge/2013/05/20/130520crat_atlarge_bloom',
      urls: [
        'http://www.newyorker.com/arts/critics/atlarge/2013/05/20/130520crat_atlarge_bloom',
        'http://davidwelch.ca/2013/the-case-against-the-case-against-empathy/',
      ],
      entryId: 'empathy',
    },
      ],
    },
    { kind: 'see-also', entries: [{ entryId: 'trust', label: 'Trust' }] },
  ],
  notice: SOURCE_CAVEAT,
  page: { index: 2, count: 5 },
  actions: [
    { kind: 'prev', label: 'Prev', request: { command: 'define', options: { term: 'empathy' }, page: 1 } },
    { kind: 'next', label: 'Next', request: { command: 'define', options: { term: 'empathy' }, page: 3 } },
    { kind: 'sources', label: 'Sources', request: { command: 'cite', options: { term: 'empathy' } } },
  ],
  request: { command: 'define', options: { term: 'empathy' }, page: 2 },
});

const GAP_EXCERPT = '…a gap between threat and threat perception indicates a lack of empathy.';

export const searchReply: Reply = baseReply({
  kind: 'search',
  title: 'Search: empathy',
  blocks: [
    {
      kind: 'results',
      results: [
    {
      entryId: 'empathy',
      sectionId: 'empathy',
      entryTitle: 'Empathy, Part I',
      authors: ['David A. Welch'],
      excerpt: 'Empathy is the capacity to see the world from another’s perspective.',
      highlights: [[0, 7]],
    },
    {
      entryId: 'threat-perception-gap',
      entryTitle: 'Empathy, Part II',
      authors: ['David A. Welch'],
      excerpt: GAP_EXCERPT,
      highlights: [[GAP_EXCERPT.indexOf('empathy'), GAP_EXCERPT.indexOf('empathy') + 'empathy'.length]],
    },
      ],
    },
  ],
});

export const noMatchReply: Reply = baseReply({
  kind: 'no-match',
  title: 'No entry matches “empathey”',
  blocks: [
    text('Try one of the suggestions below, or /entries for the whole lexicon.'),
    {
      kind: 'suggestions',
      command: 'define',
      suggestions: [
        { entryId: 'empathy', label: 'Empathy' },
        { entryId: 'threat-perception-gap', label: 'Threat perception gap' },
      ],
    },
  ],
});

export const tableReply: Reply = baseReply({
  kind: 'translation',
  title: 'Appendix to 5A',
  blocks: [
    {
      kind: 'table',
      caption: 'Candidate translations',
      columns: ['Concept', 'English', 'Mandarin', 'Japanese', 'Korean'],
      rows: [
        [
          'A degree of subjective certainty resting on situational constraints (incapacity to pose a dire threat)',
          'Confidence',
          '信心 (XinXin)',
          '自信 (Jishin)\n確信(Kakushin)',
          '자신 (Jah-shin)\n확신 (Hwak-shin)',
        ],
        [
          'The capacity to understand another\'s view of the world (i.e., "To put oneself in another\'s shoes")',
          'Empathy',
          '神入 (ShenRu)\n同理心 (Tong Li Xin)',
          '理解(Rikai)\n共感 (Kyokan)',
          '공감 (Gong-gam)',
        ],
      ],
    },
  ],
});
