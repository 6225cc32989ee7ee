/**
 * Turns lexicon entries into glossary documents: one per entry and one per headed section, each
 * with the phrases that name it (headword, aliases, heading, translations, authors, title).
 */
import type { Entry, Section, Translation } from '../core/entry.js';
import type { GlossaryDoc } from './engine.js';
import type { MatchField } from './types.js';
import { queryTerms } from './tokenize.js';

/** Name fields of the lexicon index with their boosts; the order is the ranking order of `MatchField`. */
export const LEXICON_NAME_BOOSTS = {
  term: 8,
  alias: 6,
  section: 5,
  translation: 5,
  glossary: 4,
  author: 3,
  title: 2,
} as const satisfies Partial<Record<MatchField, number>>;

/** A field of the lexicon's name index. */
export type LexiconNameField = keyof typeof LEXICON_NAME_BOOSTS;

/** How good a field is as evidence, lower is better (used to rank and to decide "equally good"). */
export const FIELD_RANK: Readonly<Record<MatchField, number>> = {
  id: 0,
  term: 1,
  alias: 2,
  section: 3,
  translation: 4,
  glossary: 5,
  author: 6,
  title: 7,
  body: 8,
};

/** A phrase naming a document, folded for whole-phrase comparison. */
export interface NamePhrase {
  field: LexiconNameField;
  /** The phrase as written. */
  text: string;
  /** Its folded key (see `phraseKey`). */
  key: string;
}

/** What search knows about one indexed document besides its text. */
export interface LexiconDocInfo {
  entryId: string;
  sectionId?: string;
  /** "Empathy" or "Empathy › Confidence", at most 100 characters. */
  label: string;
  phrases: NamePhrase[];
  /** Set for a term of the document's own glossary: its place in the entry's `glossary`. */
  glossaryIndex?: number;
  /** For a glossary term: whether it is an acronym, and how often its entry's text uses it. */
  glossary?: { kind: 'acronym' | 'term'; readonly uses: number; term: string };
}

/** The documents to index and what each one stands for. */
export interface LexiconDocs {
  docs: GlossaryDoc[];
  info: ReadonlyMap<string, LexiconDocInfo>;
}

/** Longest label a chat surface accepts (Discord autocomplete choices). */
export const MAX_LABEL_LENGTH = 100;

/** Folded key of a phrase: its terms joined, so "Self-Restraint", "self restraint" and "selfrestraint" are equal. */
export function phraseKey(text: string): string {
  return queryTerms(text).join('');
}

/** Shortens a label to `MAX_LABEL_LENGTH` characters, marking the cut with "…". */
export function clampLabel(label: string): string {
  return label.length <= MAX_LABEL_LENGTH ? label : `${label.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…`;
}

/** The id (and typed address) of a glossary term: "trust@arf". */
export function glossaryDocId(entryId: string, term: string): string {
  return `${entryId}@${phraseKey(term)}`;
}

/** The id under which a section is indexed. */
export function sectionDocId(entryId: string, sectionId: string): string {
  return `${entryId}#${sectionId}`;
}

/**
 * Builds the documents. A translation is filed under the entry or section that names its concept
 * (the 5A appendix's 信任 "trust" goes to the Trust entry, 信心 "confidence" to Empathy › Confidence),
 * and under the entry that records it only when no entry or section names the concept.
 */
export function buildLexiconDocs(entries: readonly Entry[]): LexiconDocs {
  const info = new Map<string, LexiconDocInfo>();
  const translationsOf = new Map<string, Translation[]>();
  const conceptHome = conceptHomes(entries);

  for (const entry of entries) {
    for (const translation of entry.translations) {
      const home = conceptHome.get(phraseKey(translation.concept)) ?? entry.id;
      translationsOf.set(home, [...(translationsOf.get(home) ?? []), translation]);
    }
  }

  const docs: GlossaryDoc[] = [];
  for (const entry of entries) {
    const translations = translationsOf.get(entry.id) ?? [];
    const phrases: NamePhrase[] = [
      phrase('term', entry.term),
      ...entry.aliases.map((alias) => phrase('alias', alias)),
      ...translationTexts(translations).map((text) => phrase('translation', text)),
      ...[...entry.authors, ...entry.authorVariants].map((name) => phrase('author', name)),
      phrase('title', entry.title),
      // Tables are found by their caption ("Table 1", "appendix"), under the section that holds them.
      ...entry.tables.filter((table) => !headedSections(entry).some((s) => s.id === table.section)).map((table) => phrase('section', table.caption)),
    ];
    info.set(entry.id, { entryId: entry.id, label: clampLabel(entry.term), phrases });
    // The body is searched through the paragraph index (built on first use), not here.
    docs.push({ id: entry.id, names: namesOf(phrases) });

    for (const section of headedSections(entry)) {
      const id = sectionDocId(entry.id, section.id);
      const sectionPhrases = [
        phrase('section', section.heading),
        ...entry.tables.filter((table) => table.section === section.id).map((table) => phrase('section', table.caption)),
        ...translationTexts(translationsOf.get(id) ?? []).map((text) => phrase('translation', text)),
      ];
      info.set(id, {
        entryId: entry.id,
        sectionId: section.id,
        label: clampLabel(`${entry.term} › ${section.heading}`),
        phrases: sectionPhrases,
      });
      docs.push({ id, names: namesOf(sectionPhrases) });
    }

    // The document's own glossary: the term, and an acronym's long form, name the defining span.
    entry.glossary.forEach((item, glossaryIndex) => {
      const id = glossaryDocId(entry.id, item.term);
      if (info.has(id)) return;
      const glossaryPhrases = [phrase('glossary', item.term), ...(item.longForm ? [phrase('glossary', item.longForm)] : [])];
      const spelled = item.longForm ? `${item.term} (${item.longForm})` : item.term;
      // Counted when first read (spotting acronyms in a message): counting every term's uses over
      // every paragraph was the largest cost of a one-shot lookup's start-up.
      const glossary = { kind: item.kind, term: item.term, get uses() { return usesOf(entry, item.term); } };
      info.set(id, { entryId: entry.id, label: clampLabel(`${spelled} · in ${entry.term}`), phrases: glossaryPhrases, glossaryIndex, glossary });
      docs.push({ id, names: namesOf(glossaryPhrases) });
    });
  }
  return { docs, info };
}

/** Counts made so far, per entry (entries are read-only once loaded). */
const counted = new WeakMap<Entry, Map<string, number>>();

/** How often an entry's text uses a term as whole words (the piece that uses it most is its home). */
export function usesOf(entry: Entry, term: string): number {
  let counts = counted.get(entry);
  if (!counts) counted.set(entry, (counts = new Map()));
  let uses = counts.get(term);
  if (uses === undefined) counts.set(term, (uses = countUses(entry, term)));
  return uses;
}

function countUses(entry: Entry, term: string): number {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  return entry.sections.reduce((sum, section) => sum + section.paragraphs.reduce((n, p) => n + (p.match(pattern)?.length ?? 0), 0), 0);
}

/** Sections that have a heading (the untitled opening paragraphs are the entry itself). */
export function headedSections(entry: Entry): (Section & { heading: string })[] {
  return entry.sections.filter((section): section is Section & { heading: string } => section.heading !== null);
}

/** Where each concept lives: an entry whose headword is the concept, else a section so headed. */
function conceptHomes(entries: readonly Entry[]): Map<string, string> {
  const homes = new Map<string, string>();
  for (const entry of entries) {
    for (const section of headedSections(entry)) {
      const key = phraseKey(section.heading);
      if (!homes.has(key)) homes.set(key, sectionDocId(entry.id, section.id));
    }
  }
  // Headwords win over headings: "trust" is the Trust entry, not Empathy › Trust.
  for (const entry of entries) homes.set(phraseKey(entry.term), entry.id);
  return homes;
}

function translationTexts(translations: readonly Translation[]): string[] {
  return translations.flatMap((t) => [t.text, t.romanization].filter((s): s is string => s !== undefined));
}

function phrase(field: LexiconNameField, text: string): NamePhrase {
  return { field, text, key: phraseKey(text) };
}

function namesOf(phrases: readonly NamePhrase[]): Record<string, string> {
  const names: Record<string, string> = {};
  for (const { field, text } of phrases) names[field] = names[field] === undefined ? text : `${names[field]}\n${text}`;
  return names;
}
