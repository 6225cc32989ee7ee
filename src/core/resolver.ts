/**
 * The one resolver: what a term the user typed refers to. Every command that takes a term (define,
 * cite, compare, translate) asks here, and gets either a target (an entry, or a section of one) or
 * a ready reply: nothing matched ("did you mean"), or several entries match equally (pick one).
 * An exact reference (`empathy`, `empathy/confidence`, `@6.3`: what buttons replay) wins over search.
 * `readTerm` is the fuller reading define and compare use: it also settles on a term of the
 * document's own glossary, says how it read a typo or an author's name, and answers a word without
 * an entry with the passages that use it.
 */
import type { ReplyDraft } from './command.js';
import type { Lexicon } from './lexicon.js';
import { command, text, type CommandRequest, type SuggestionView, type TextBlock } from './reply.js';
import { glossaryChoice, lookupDraft } from './term-answers.js';
import type { TermMatch, TermResolution } from '../search/types.js';
import { echo, emptyDraft, referenceOf, suggestionView, targetLabel, targetOfMatch, targetOfReference, type Target } from './entry-views.js';
import { proseOf } from './prose.js';
import { createTranslator, type Translator } from '../i18n/translator.js';

/** What a term refers to, or the reply that says why it refers to nothing definite. */
export type Resolution = { target: Target; reply?: undefined } | { target?: undefined; reply: ReplyDraft };

/** What the resolver needs besides the term. */
export interface ResolveContext {
  lexicon: Lexicon;
  /** The request being answered: a no-match or ambiguous reply replays it. */
  request: CommandRequest;
  /** Our words in the reader's language (English when absent). */
  tr?: Translator;
}

/** The translator of a resolve context. */
export function translatorOf(context: { tr?: Translator }): Translator {
  return context.tr ?? createTranslator();
}

/** Most suggestions a no-match reply offers; most candidates an ambiguous reply lists. */
export const MAX_SUGGESTIONS = 5;
export const MAX_CANDIDATES = 10;

/**
 * Resolve `term` for `commandName` (whose suggestions a pick runs). Matches that are all one entry
 * (the entry and some of its sections) settle on the best of them; matches in different entries
 * are ambiguous.
 */
export function resolveTerm(context: ResolveContext, term: string, commandName: string): Resolution {
  const { lexicon } = context;
  const exact = targetOfReference(lexicon, term.trim());
  if (exact) return { target: exact };
  const resolution = lexicon.search.resolveTerm(term);
  const [best, ...others] = resolution.matches;
  if (!best) return { reply: noMatchReply(context, term, resolution.suggestions, commandName) };
  if (others.some((match) => match.entryId !== best.entryId)) return { reply: ambiguousReply(context, term, resolution.matches, commandName) };
  const target = targetOfMatch(lexicon, best);
  return target ? { target } : { reply: noMatchReply(context, term, resolution.suggestions, commandName) };
}

/** The search's resolution of a term, with an exact reference as its one exact match. */
export function termResolution(lexicon: Lexicon, term: string): TermResolution {
  const target = targetOfReference(lexicon, term.trim());
  if (!target) return lexicon.search.resolveTerm(term);
  const match: TermMatch = { entryId: target.entry.id, label: targetLabel(target), score: Number.POSITIVE_INFINITY, exact: true, matchedOn: 'id' };
  if (target.section) match.sectionId = target.section.id;
  return { matches: [match], suggestions: [] };
}

/** Nothing matched: say so, and offer "did you mean" suggestions (never an empty list). */
export function noMatchReply(context: ResolveContext, query: string, candidates: readonly TermMatch[], commandName: string): ReplyDraft {
  const suggested = dedupe(candidates.map(suggestionView));
  const offered = suggested.length > 0 ? suggested.slice(0, MAX_SUGGESTIONS) : fallbackSuggestions(context.lexicon);
  const shown = echo(query);
  const tr = translatorOf(context);
  const draft = emptyDraft('no-match', shown ? tr.t('noMatch.title', { query: shown }) : tr.t('noMatch.titleBare'), context.request);
  draft.blocks = [
    text(...proseOf(tr, suggested.length > 0 ? 'noMatch.spelledLike' : 'noMatch.tryTerms', { entries: command('entries'), search: command('search') })),
    { kind: 'suggestions', command: commandName, suggestions: offered },
  ];
  return draft;
}

/** Several entries match equally: list them, each one pick away. */
export function ambiguousReply(context: ResolveContext, query: string, matches: readonly TermMatch[], commandName: string): ReplyDraft {
  const views = dedupe(matches.map(suggestionView)).slice(0, MAX_CANDIDATES);
  const tr = translatorOf(context);
  const draft = emptyDraft('lookup', tr.t('ambiguous.title', { query: echo(query), count: views.length }), context.request);
  draft.blocks = [text(tr.t('ambiguous.text')), { kind: 'suggestions', command: commandName, suggestions: views }];
  return draft;
}

/** A few entries to offer when search has no better idea (the first ones in document order). */
function fallbackSuggestions(lexicon: Lexicon): SuggestionView[] {
  return lexicon.entries.slice(1, 1 + MAX_SUGGESTIONS).map((entry) => ({ entryId: entry.id, label: entry.term }));
}

function dedupe(views: SuggestionView[]): SuggestionView[] {
  const seen = new Set<string>();
  return views.filter((view) => {
    const key = referenceOf(view);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How define and compare read a typed term (see `readTerm`). */
export type TermReading =
  | { kind: 'entry'; target: Target; match: TermMatch; readAs?: TextBlock }
  | { kind: 'glossary'; match: TermMatch; others: TermMatch[]; readAs?: TextBlock }
  | { kind: 'reply'; draft: ReplyDraft };

/**
 * Reads a term for `command` ("define", "compare"). `pickFirst` settles a tie on the best-ranked
 * match with a "Read as" note (compare needs one reading per side) instead of listing the candidates.
 */
export function readTerm(context: ResolveContext, term: string, command: string, pickFirst = false): TermReading {
  const { lexicon } = context;
  const resolution = termResolution(lexicon, term);
  if (resolution.matches.length === 0) return { kind: 'reply', draft: lookupDraft(lexicon, term, resolution, command, context.request, translatorOf(context)) };

  const glossary = glossaryChoice(lexicon, resolution.matches);
  const [first] = resolution.matches;
  let best = glossary ?? (resolution.matches.every((m) => m.entryId === first?.entryId) ? first : undefined);
  let tie: string | undefined;
  if (!best) {
    if (!pickFirst) return { kind: 'reply', draft: ambiguousReply(context, term, resolution.matches, command) };
    best = resolution.matches[0]!;
    tie = translatorOf(context).t('readAs.tie', { term: echo(term), label: best.label, count: resolution.matches.length });
  }
  const note = tie ?? howRead(term, best, translatorOf(context));
  // "an exact phrase in the text beats a partial alias match"
  if (note && !tie && !pickFirst && !best.exact && phraseInText(lexicon, term)) {
    return { kind: 'reply', draft: lookupDraft(lexicon, term, { matches: [], suggestions: [best] }, command, context.request, translatorOf(context)) };
  }
  const readAs: TextBlock | undefined = note ? text(note) : undefined;
  if (best.glossaryIndex !== undefined) {
    return { kind: 'glossary', match: best, others: resolution.matches.filter((m) => m !== best), ...(readAs ? { readAs } : {}) };
  }
  const target = targetOfMatch(lexicon, best);
  if (!target) return { kind: 'reply', draft: lookupDraft(lexicon, term, resolution, command, context.request, translatorOf(context)) };
  return { kind: 'entry', target, match: best, ...(readAs ? { readAs } : {}) };
}

/** Why a match is not the query itself, in words, or undefined when it is (a whole name, an address). */
function howRead(term: string, match: TermMatch, tr: Translator): string | undefined {
  if (match.exact || match.matchedOn === 'id') return undefined;
  const reason = match.matchedOn === 'author' || match.matchedOn === 'title' ? match.matchedOn : 'closest';
  return tr.t('readAs.reason', { term: echo(term), label: match.label, reason });
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
