/**
 * How define and compare read a typed term, the same way for both: an entry or section, a term of
 * the document's own glossary, or no reading (a lookup of the passages that use it, "not in the
 * document", or the candidates when several entries match equally). When the reading rests on
 * less than the whole query (a typo, an author's name, some of its words), it says how it read it.
 */
import type { ReplyDraft } from './command.js';
import type { Lexicon } from './lexicon.js';
import type { TextPart } from './reply.js';
import type { TermMatch } from '../search/types.js';
import type { Target } from './entry-views.js';
import { ambiguousReply, echo, resolveTarget, singleMatch, targetOfMatch } from './entry-views.js';
import { glossaryChoice, lookupDraft } from './term-answers.js';

export type TermReading =
  | { kind: 'entry'; target: Target; match: TermMatch; readAs?: TextPart }
  | { kind: 'glossary'; match: TermMatch; others: TermMatch[]; readAs?: TextPart }
  | { kind: 'reply'; draft: ReplyDraft };

/** Why a match is not the query itself, in words, or undefined when it is (a whole name, an address). */
function howRead(term: string, match: TermMatch): string | undefined {
  if (match.exact || match.matchedOn === 'id') return undefined;
  const reason =
    match.matchedOn === 'author' ? 'by its author'
      : match.matchedOn === 'title' ? 'by the title of its piece'
        : 'as the closest name in the lexicon';
  return `Read “${echo(term)}” as ${match.label} (${reason}).`;
}

/** True when the text itself holds the whole query as a phrase (then a partial name is no answer). */
function phraseInText(lexicon: Lexicon, term: string): boolean {
  const words = term.trim().toLowerCase();
  if (!/\s/.test(words)) return false;
  return lexicon.search.passages(term, 3).some((passage) => {
    const entry = lexicon.entry(passage.entryId);
    const text = passage.footnote !== undefined
      ? entry?.footnotes.find((f) => f.number === passage.footnote)?.text
      : entry?.sections.find((s) => s.id === passage.sectionId)?.paragraphs[passage.paragraphIndex];
    return text?.toLowerCase().includes(words) ?? false;
  });
}

/**
 * Reads a term for `command` ("define", "compare"). `pickFirst` settles a tie on the best-ranked
 * match with a "Read as" note (compare needs one reading per side) instead of listing the candidates.
 */
export function readTerm(lexicon: Lexicon, term: string, command: string, pickFirst = false): TermReading {
  const resolution = resolveTarget(lexicon, term);
  if (resolution.matches.length === 0) return { kind: 'reply', draft: lookupDraft(lexicon, term, resolution, command) };

  const glossary = glossaryChoice(lexicon, resolution.matches);
  let best = glossary ?? singleMatch(resolution);
  let tie: string | undefined;
  if (!best) {
    if (!pickFirst) return { kind: 'reply', draft: ambiguousReply(term, resolution.matches, command) };
    best = resolution.matches[0]!;
    tie = `Read “${echo(term)}” as ${best.label}, one of ${resolution.matches.length} equally good readings.`;
  }
  const note = tie ?? howRead(term, best);
  // "an exact phrase in the text beats a partial alias match"
  if (note && !tie && !pickFirst && !best.exact && phraseInText(lexicon, term)) {
    return { kind: 'reply', draft: lookupDraft(lexicon, term, { matches: [], suggestions: [best] }, command) };
  }
  const readAs: TextPart | undefined = note ? { kind: 'text', text: note } : undefined;
  if (best.glossaryIndex !== undefined) {
    return { kind: 'glossary', match: best, others: resolution.matches.filter((m) => m !== best), ...(readAs ? { readAs } : {}) };
  }
  const target = targetOfMatch(lexicon, best);
  if (!target) return { kind: 'reply', draft: lookupDraft(lexicon, term, resolution, command) };
  return { kind: 'entry', target, match: best, ...(readAs ? { readAs } : {}) };
}
