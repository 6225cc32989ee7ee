/**
 * Finding the lexicon's terms inside a message (for "Look up in lexicon"): headwords, aliases,
 * section headings and recorded translations (and their romanizations), matched as whole phrases
 * on folded words. A translation points where term search files it (信任 → Trust).
 */
import type { LexiconDocInfo, LexiconNameField } from './lexicon-docs.js';
import { phraseKey } from './lexicon-docs.js';
import { tokenize } from './tokenize.js';
import type { TermMatch } from './types.js';

/**
 * Which phrases count as a mention, and which wins when two documents claim the same phrase:
 * a headword beats an alias, an alias a heading, a heading a translation. Authors' names and
 * titles are not terms.
 */
const PRIORITY: Partial<Record<LexiconNameField, number>> = { term: 0, alias: 1, section: 2, translation: 3, glossary: 4 };

/** Headings that name a part of an argument, not a concept of the lexicon. */
const GENERIC_HEADINGS: ReadonlySet<string> = new Set(
  ['Conclusion', 'Conclusions', 'Introduction', 'Key points', 'Summary', 'Overview', 'Recommendations']
    .map(phraseKey),
);

/** Longest message read; a chat message is far shorter. */
export const MAX_TEXT_CHARS = 20_000;

interface Target {
  match: TermMatch;
  /** Lower wins when two entries claim the same phrase (a headword beats a heading). */
  priority: number;
}

/** A phrase as the sequence of terms it must appear as. */
interface Phrase {
  terms: string[];
  target: Target;
}

/** Finds lexicon terms in free text. */
export class TermSpotter {
  /** Phrases by their first term, longest first. */
  private readonly byFirstTerm = new Map<string, Phrase[]>();

  /** @param info the indexed documents (entries and sections) with the phrases that name them */
  constructor(info: ReadonlyMap<string, LexiconDocInfo>) {
    const targets = new Map<string, Target>();
    const claim = (text: string, match: TermMatch, priority: number): void => {
      const terms = spotTerms(text);
      if (terms.length === 0) return;
      // "self restraint" also as "selfrestraint", written without its hyphen.
      const variants = terms.length > 1 ? [terms, [terms.join('')]] : [terms];
      for (const variant of variants) {
        const key = variant.join(' ');
        const held = targets.get(key);
        if (!held || priority < held.priority) targets.set(key, { match, priority });
      }
    };

    for (const doc of info.values()) {
      for (const phrase of doc.phrases) {
        const base = PRIORITY[phrase.field];
        if (base === undefined) continue;
        // Of the glossary only acronyms are spotted ("opportunity" in a message is not a lookup);
        // the piece that uses an acronym most claims it, as /define reads it.
        if (phrase.field === 'glossary' && doc.glossary?.kind !== 'acronym') continue;
        const priority = phrase.field === 'glossary' ? base + 1 / (2 + (doc.glossary?.uses ?? 0)) : base;
        if (phrase.field === 'section' && GENERIC_HEADINGS.has(phrase.key)) continue;
        const match: TermMatch = { entryId: doc.entryId, label: doc.label, score: 1, exact: true, matchedOn: phrase.field };
        if (doc.sectionId !== undefined) match.sectionId = doc.sectionId;
        if (doc.glossaryIndex !== undefined) match.glossaryIndex = doc.glossaryIndex;
        if (doc.glossary) match.glossaryTerm = doc.glossary.term;
        claim(phrase.text, match, priority);
      }
    }

    for (const [key, target] of targets) {
      const terms = key.split(' ');
      const list = this.byFirstTerm.get(terms[0]!) ?? [];
      list.push({ terms, target });
      list.sort((a, b) => b.terms.length - a.terms.length);
      this.byFirstTerm.set(terms[0]!, list);
    }
  }

  /** Every lexicon term in `text`, in order of first appearance, each entry or section once. */
  find(text: string): TermMatch[] {
    const terms = spotTerms(text.slice(0, MAX_TEXT_CHARS));
    const found = new Map<string, TermMatch>();
    for (let i = 0; i < terms.length;) {
      const phrase = this.byFirstTerm.get(terms[i]!)?.find((p) => p.terms.every((t, k) => terms[i + k] === t));
      if (!phrase) {
        i++;
        continue;
      }
      const { match } = phrase.target;
      const key = `${match.entryId}#${match.sectionId ?? ''}@${match.glossaryIndex ?? ''}`;
      if (!found.has(key)) found.set(key, { ...match });
      i += phrase.terms.length;
    }
    return [...found.values()];
  }
}

/** The terms of a text as written, in order (no joined or camel-case extras). */
function spotTerms(text: string): string[] {
  return tokenize(text).filter((t) => t.kind === 'word' || t.kind === 'cjk').map((t) => t.term);
}
