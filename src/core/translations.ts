/**
 * The translation catalog: every rendering the document records, gathered by the English concept it
 * renders, wherever in the lexicon it is recorded. `translate trust` thus shows the 5A appendix's
 * renderings of "trust" beside footnote 28's *xinlai* (recorded with the Trust entry). Nothing here
 * ever makes a translation up: the catalog holds only entries' `translations`.
 */
import type { Entry, Translation, TranslationLanguage } from './entry.js';
import type { Lexicon } from './lexicon.js';
import type { Provenance, TranslationView } from './reply.js';
import { targetOfReference } from './entry-views.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { andList, footnoteRangeText } from '../i18n/words.js';

/** English display names of the languages the document records. */
export const LANGUAGE_NAMES: Record<TranslationLanguage, string> = {
  zh: 'Chinese (Mandarin)',
  ja: 'Japanese',
  ko: 'Korean',
};

/** Names (and codes) users type for a language, folded, mapped to its code. */
const LANGUAGE_ALIASES: Record<string, TranslationLanguage> = {
  zh: 'zh', cn: 'zh', chinese: 'zh', mandarin: 'zh', putonghua: 'zh', '中文': 'zh', '汉语': 'zh', '普通话': 'zh',
  'zh-cn': 'zh', 'zh-hans': 'zh', 'zh-hant': 'zh', 'zh-tw': 'zh',
  ja: 'ja', jp: 'ja', japanese: 'ja', '日本語': 'ja',
  ko: 'ko', kr: 'ko', korean: 'ko', '한국어': 'ko', '조선말': 'ko',
};

/** The language code a user meant by "ja", "Japanese", "日本語", …; undefined if none. */
export function parseLanguage(input: string): TranslationLanguage | undefined {
  return LANGUAGE_ALIASES[input.trim().toLowerCase()];
}

/** Case-, accent-, width- and punctuation-insensitive key for comparing names. */
export function foldKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

import { foldCjk } from '../search/normalize.js';

/** Like foldKey, ignoring spaces too: "Tong Li Xin" = "tonglixin", "XinRen" = "xinren". */
function compactKey(text: string): string {
  // Han characters in one form (信頼 = 信賴 = 信赖), as search folds them.
  return foldCjk(foldKey(text).replace(/ /g, ''));
}

/**
 * Provenance for display, in the reader's language: "Appendix to 5A … · prepared by Jiang Wenran ·
 * December 2013 · n. 28", or "Footnote 28 to “Trust” (Jagaa Menduul)". The document's headings, the
 * preparer's name, the date, the piece's title and authors are the document's words; "prepared by",
 * "n.", "Footnote 28 to …" are ours (the catalog's `source.*` and `footnote.one`).
 */
export function describeSource(source: Provenance, tr: Translator = createTranslator()): string {
  if (source.kind && source.footnote !== undefined && source.piece) {
    const values = { number: String(source.footnote), title: tr.quote(source.piece.title), authors: andList(tr, source.piece.authors) };
    return tr.t(source.kind === 'footnote' ? 'source.footnote' : 'source.citedTitle', values);
  }
  const pieces = [source.label];
  if (source.by && !source.label.includes(source.by)) pieces.push(tr.t('source.preparedBy', { name: source.by }));
  if (source.date && !source.label.includes(source.date)) pieces.push(source.date);
  if (source.footnote !== undefined && !new RegExp(`\\b(n\\.|note|footnote)\\s*${source.footnote}\\b`, 'i').test(source.label)) {
    pieces.push(footnoteRangeText(tr, [source.footnote]));
  }
  return pieces.join(' · ');
}

/** Where an entry records a translation, with the piece (its title and authors) for a footnote's provenance. */
export function provenanceOf(translation: Translation, entry: Pick<Entry, 'title' | 'authors'>): Provenance {
  return { ...translation.source, piece: { title: entry.title, authors: entry.authors } };
}

/** A recorded translation as a reply shows it. */
export function translationView(translation: Translation, entry: Pick<Entry, 'id' | 'title' | 'authors'>): TranslationView {
  const view: TranslationView = {
    concept: translation.concept,
    language: translation.language,
    languageName: LANGUAGE_NAMES[translation.language],
    source: provenanceOf(translation, entry),
    entryId: entry.id,
  };
  if (translation.text !== undefined) view.text = translation.text;
  if (translation.romanization !== undefined) view.romanization = translation.romanization;
  if (translation.glosses !== undefined) view.glosses = translation.glosses;
  return view;
}

/** Every recorded rendering, by concept. */
export interface TranslationCatalog {
  /** Concept names in first-recorded order, as the document names them. */
  readonly concepts: readonly string[];
  /** The renderings of a concept (any case), optionally of one language only; [] if none. */
  renderings(concept: string, language?: TranslationLanguage): TranslationView[];
  /**
   * Every concept the query names exactly: a reference, a concept name, an entry's term or alias, a
   * rendering or its romanization (`信任`, `xinlai`); several for a rendering the document records
   * for more than one concept (the appendix romanizes 信任 "trust" as XinRen; footnote 28 gives
   * *xinren* for "confidence"). Empty when the query names none exactly (then ask the resolver).
   */
  conceptsFor(query: string): string[];
  /** The recorded renderings whose text or romanization is the query (spaces, case, width aside). */
  renderingsMatching(query: string): TranslationView[];
  /** The concepts an entry (or one of its sections) is about that have recorded renderings. */
  conceptsOf(entry: Entry, sectionId?: string): string[];
}

/** What the catalog is built from: the entries, their search, and the references buttons replay. */
export type CatalogSource = Pick<Lexicon, 'entries' | 'entry' | 'search'>;

/** The catalog of a lexicon's entries; `createLexicon` builds it once. */
export function buildTranslationCatalog(lexicon: CatalogSource): TranslationCatalog {
  return buildCatalog(lexicon);
}

function buildCatalog(lexicon: CatalogSource): TranslationCatalog {
  const byConcept = new Map<string, { name: string; views: TranslationView[] }>();
  const byRendering = new Map<string, string[]>();
  for (const entry of lexicon.entries) {
    for (const translation of entry.translations) {
      const key = foldKey(translation.concept);
      let bucket = byConcept.get(key);
      if (!bucket) {
        bucket = { name: translation.concept, views: [] };
        byConcept.set(key, bucket);
      }
      const view = translationView(translation, entry);
      const duplicate = bucket.views.some((v) => JSON.stringify(v) === JSON.stringify(view));
      if (!duplicate) bucket.views.push(view);
      for (const form of [translation.text, translation.romanization]) {
        if (!form) continue;
        const concepts = byRendering.get(compactKey(form)) ?? [];
        if (!concepts.includes(key)) byRendering.set(compactKey(form), [...concepts, key]);
      }
    }
  }

  const conceptKeyOfName = (name: string): string | undefined => {
    const key = foldKey(name);
    if (byConcept.has(key)) return key;
    // "trusts", "empathy's": a plural or possessive of a concept.
    const singular = key.replace(/(?:'s|s)$/, '');
    return byConcept.has(singular) ? singular : undefined;
  };

  const conceptsOf = (entry: Entry, sectionId?: string): string[] => {
    const section = sectionId ? entry.sections.find((s) => s.id === sectionId) : undefined;
    const names = section?.heading ? [section.heading] : [entry.term, ...entry.aliases];
    const keys = new Set<string>();
    for (const name of names) {
      const key = conceptKeyOfName(name);
      if (key) keys.add(key);
    }
    // An entry that holds renderings of a single concept under another name (e.g. a Chinese title
    // its footnotes give) is about that concept.
    if (keys.size === 0 && !section) {
      const own = new Set(entry.translations.map((t) => foldKey(t.concept)));
      if (own.size === 1) own.forEach((key) => keys.add(key));
    }
    return [...keys].map((key) => byConcept.get(key)!.name);
  };

  const conceptsFor = (query: string): string[] => {
    const target = targetOfReference(lexicon, query.trim());
    const referenced = target ? conceptsOf(target.entry, target.section?.id)[0] : undefined;
    if (referenced) return [referenced];
    const direct = conceptKeyOfName(query);
    if (direct) return [byConcept.get(direct)!.name];
    const rendering = byRendering.get(compactKey(query));
    if (rendering) return rendering.map((key) => byConcept.get(key)!.name);
    for (const entry of lexicon.entries) {
      const names = [entry.term, entry.id, ...entry.aliases].map(foldKey);
      if (names.includes(foldKey(query))) return conceptsOf(entry).slice(0, 1);
    }
    // Anything else (a typo, a section named loosely) is for the one resolver to decide.
    return [];
  };

  return {
    concepts: [...byConcept.values()].map((bucket) => bucket.name),
    renderings(concept, language) {
      const views = byConcept.get(foldKey(concept))?.views ?? [];
      return language ? views.filter((view) => view.language === language) : [...views];
    },
    conceptsOf,
    conceptsFor,
    renderingsMatching(query) {
      const key = compactKey(query);
      if (key === '') return [];
      return [...byConcept.values()].flatMap((bucket) =>
        bucket.views.filter((view) => [view.text, view.romanization].some((form) => form !== undefined && compactKey(form) === key)),
      );
    },
  };
}
