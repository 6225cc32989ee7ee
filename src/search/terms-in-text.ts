/**
 * Finding the lexicon's terms inside a message (for "Look up in lexicon"): headwords, aliases,
 * section headings and recorded translations, matched as whole phrases on folded words.
 */
import type { Entry } from '../core/entry.js';
import { clampLabel, headedSections, phraseKey } from './lexicon-docs.js';
import { tokenize } from './tokenize.js';
import type { MatchField, TermMatch } from './types.js';

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

  constructor(entries: readonly Entry[]) {
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

    for (const entry of entries) {
      const whole = (matchedOn: MatchField): TermMatch =>
        ({ entryId: entry.id, label: clampLabel(entry.term), score: 1, exact: true, matchedOn });
      claim(entry.term, whole('term'), 0);
      for (const alias of entry.aliases) claim(alias, whole('alias'), 1);
      for (const section of headedSections(entry)) {
        if (GENERIC_HEADINGS.has(phraseKey(section.heading))) continue;
        claim(section.heading, {
          entryId: entry.id,
          sectionId: section.id,
          label: clampLabel(`${entry.term} › ${section.heading}`),
          score: 1,
          exact: true,
          matchedOn: 'section',
        }, 2);
      }
      for (const translation of entry.translations) {
        if (translation.text !== undefined) claim(translation.text, whole('translation'), 3);
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
      const key = `${match.entryId}#${match.sectionId ?? ''}`;
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
