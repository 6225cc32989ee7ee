/**
 * Small pieces every command builds its reply from: how an entry is labelled (author, piece), its
 * footnotes as citations, references that a button can replay (`empathy/confidence`), and the
 * "no match" / "which one did you mean" replies.
 */
import type { ReplyDraft } from './command.js';
import type { Entry, Section } from './entry.js';
import type { Lexicon } from './lexicon.js';
import type { Citation, Field, Reply, ReplyAction, SuggestionView, TranslationView } from './reply.js';
import type { TermMatch, TermResolution } from '../search/types.js';
import { plainText, stripControlCharacters } from './render-text.js';
import { glossaryAddress } from '../search/index.js';

/** "II.5A Empathy, Part I: Defining Confidence, Trust, Empathy"; "I. Overview" for the overview. */
export function pieceLabel(entry: Entry): string {
  return entry.number ? `${entry.part}.${entry.number} ${entry.title}` : `${entry.part}. ${entry.title}`;
}

/** "David A. Welch"; "Chen and Evans"; "A, B and C". */
export function authorsText(authors: readonly string[]): string {
  if (authors.length <= 1) return authors[0] ?? '';
  return `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

/** One line under a title: "David A. Welch · II.5A Empathy, Part I: …". */
export function entrySubtitle(entry: Entry): string {
  return `${authorsText(entry.authors)} · ${pieceLabel(entry)}`;
}

/** Author(s) and Piece fields. */
export function entryFields(entry: Entry): Field[] {
  return [
    { name: entry.authors.length > 1 ? 'Authors' : 'Author', value: authorsText(entry.authors), inline: true },
    { name: 'Piece', value: pieceLabel(entry), inline: true },
  ];
}

/** An entry's footnote as a reply citation (text rendered plain). */
export function citationOf(entry: Entry, number: number): Citation | undefined {
  const footnote = entry.footnotes.find((f) => f.number === number);
  if (!footnote) return undefined;
  return { number, text: plainText(footnote.text), urls: [...footnote.urls], entryId: entry.id };
}

/** The entry holding a footnote number. */
export function entryOfFootnote(lexicon: Lexicon, number: number): Entry | undefined {
  return lexicon.entries.find((entry) => entry.footnotes.some((f) => f.number === number));
}

/** What a term resolved to. */
export interface Target {
  entry: Entry;
  section?: Section;
}

/** "empathy" or "empathy/confidence": a reference a button can replay exactly. */
export function referenceOf(target: { entryId: string; sectionId?: string; glossaryTerm?: string }): string {
  if (target.glossaryTerm !== undefined) return glossaryAddress(target.entryId, target.glossaryTerm);
  return target.sectionId ? `${target.entryId}/${target.sectionId}` : target.entryId;
}

/** The compact form of a reference, "@6" or "@6.3" (entry order, 1-based section index), for tight button state. */
export function compactReference(lexicon: Lexicon, reference: string): string | undefined {
  const target = targetOfReference(lexicon, reference);
  if (!target) return undefined;
  if (!target.section) return `@${target.entry.order}`;
  return `@${target.entry.order}.${target.entry.sections.indexOf(target.section) + 1}`;
}

/** The entry (and section) a reference names: "empathy", "empathy/confidence", "@6", "@6.3". */
export function targetOfReference(lexicon: Lexicon, reference: string): Target | undefined {
  const compact = /^@(\d+)(?:\.(\d+))?$/.exec(reference);
  if (compact) {
    const entry = lexicon.entries.find((e) => e.order === Number(compact[1]));
    if (!entry) return undefined;
    if (compact[2] === undefined) return { entry };
    const section = entry.sections[Number(compact[2]) - 1];
    return section ? { entry, section } : undefined;
  }
  const plain = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/([a-z0-9]+(?:-[a-z0-9]+)*))?$/.exec(reference);
  if (!plain) return undefined;
  const entry = lexicon.entry(plain[1] ?? '');
  if (!entry) return undefined;
  if (plain[2] === undefined) return { entry };
  const section = entry.sections.find((s) => s.id === plain[2]);
  return section ? { entry, section } : undefined;
}

/** The label of an entry or section: "Empathy" or "Empathy › Confidence". */
export function targetLabel(target: Target): string {
  return target.section?.heading ? `${target.entry.term} › ${target.section.heading}` : target.entry.term;
}

/**
 * Resolve what the user typed as a term: an exact reference (what buttons replay) first, otherwise
 * the search's resolution.
 */
export function resolveTarget(lexicon: Lexicon, term: string): TermResolution {
  const target = targetOfReference(lexicon, term.trim());
  if (target) {
    const match: TermMatch = {
      entryId: target.entry.id,
      label: targetLabel(target),
      score: Number.POSITIVE_INFINITY,
      exact: true,
      matchedOn: 'id',
    };
    if (target.section) match.sectionId = target.section.id;
    return { matches: [match], suggestions: [] };
  }
  return lexicon.search.resolveTerm(term);
}

/** The entry and section of a match, if they exist. */
export function targetOfMatch(lexicon: Lexicon, match: { entryId: string; sectionId?: string }): Target | undefined {
  const entry = lexicon.entry(match.entryId);
  if (!entry) return undefined;
  if (!match.sectionId) return { entry };
  const section = entry.sections.find((s) => s.id === match.sectionId);
  return section ? { entry, section } : { entry };
}

/** A suggestion view of a match. */
export function suggestionView(match: { entryId: string; sectionId?: string; glossaryTerm?: string; label: string }): SuggestionView {
  const view: SuggestionView = { entryId: match.entryId, label: match.label };
  if (match.sectionId) view.sectionId = match.sectionId;
  if (match.glossaryTerm !== undefined) view.glossaryTerm = match.glossaryTerm;
  return view;
}

/** A button that runs `command` on a suggestion (define by default). */
export function suggestionAction(view: SuggestionView, command = 'define'): ReplyAction {
  return {
    kind: 'define',
    label: view.label.length > 80 ? view.label.slice(0, 79) + '…' : view.label,
    request: { command, options: { term: referenceOf(view) } },
  };
}

/** What user text looks like when echoed back: no control characters, at most 60 characters. */
export function echo(input: string): string {
  const clean = stripControlCharacters(input).replace(/\s+/g, ' ').trim();
  return clean.length > 60 ? clean.slice(0, 59) + '…' : clean;
}

/** A few entries to offer when search has no better idea (the first ones in document order). */
function fallbackSuggestions(lexicon: Lexicon): SuggestionView[] {
  return lexicon.entries.slice(1, 6).map((entry) => ({ entryId: entry.id, label: entry.term }));
}

/** A draft with every list empty; commands fill in what they answer. */
export function emptyDraft(kind: ReplyDraft['kind'], title: string): ReplyDraft {
  return {
    kind,
    title,
    entryId: null,
    parts: [],
    fields: [],
    citations: [],
    translations: [],
    suggestions: [],
    suggestionViews: [],
    actions: [],
  };
}

/** Nothing matched: say so, and offer "did you mean" suggestions (never an empty list). */
export function noMatchReply(lexicon: Lexicon, query: string, resolution: TermResolution, command = 'define'): ReplyDraft {
  const suggested = dedupe(resolution.suggestions.map(suggestionView));
  const offered = suggested.length > 0 ? suggested.slice(0, 5) : fallbackSuggestions(lexicon);
  const shown = echo(query);
  const draft = emptyDraft('no-match', shown ? `No entry matches “${shown}”` : 'No entry matches');
  draft.parts = [
    {
      kind: 'text',
      text:
        // The suggestions themselves travel in suggestionViews; each surface shows them once, as "Did you mean".
        (suggested.length > 0 ? 'Nothing in the lexicon is spelled quite like that.' : 'Try one of the lexicon’s terms.') +
        ' /entries lists every entry; /search finds words anywhere in the text.',
    },
  ];
  draft.suggestions = offered.map((view) => view.entryId);
  draft.suggestionViews = offered;
  draft.actions = offered.map((view) => suggestionAction(view, command));
  return draft;
}

/** Several entries match equally: list them, with a button for each. */
export function ambiguousReply(query: string, matches: TermMatch[], command = 'define'): ReplyDraft {
  const views = dedupe(matches.map(suggestionView)).slice(0, 10);
  const draft = emptyDraft('lookup', `“${echo(query)}” matches ${views.length} entries`);
  // The candidates travel in suggestionViews; every surface lists them once, as "Did you mean", with buttons.
  draft.parts = [{ kind: 'text', text: 'More than one entry matches equally well.' }];
  draft.suggestions = views.map((view) => view.entryId);
  draft.suggestionViews = views;
  draft.actions = views.slice(0, 5).map((view) => suggestionAction(view, command));
  return draft;
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

/**
 * The one match a resolution settles on, or undefined when it is empty or truly ambiguous. Matches
 * that are all the same entry (the entry and some of its sections) settle on the first of them
 * (the search ranks the best first).
 */
export function singleMatch(resolution: TermResolution): TermMatch | undefined {
  const [best, ...others] = resolution.matches;
  if (!best) return undefined;
  if (others.every((match) => match.entryId === best.entryId)) return best;
  return undefined;
}

/** Translations that share one provenance, so a surface names the source once above them. */
export interface TranslationGroup {
  source: string;
  translations: TranslationView[];
}

/** A reply's translations grouped by where the document records them, groups and members in reply order. */
export function translationsBySource(translations: readonly TranslationView[]): TranslationGroup[] {
  const groups = new Map<string, TranslationView[]>();
  for (const translation of translations) {
    const group = groups.get(translation.source);
    if (group) group.push(translation);
    else groups.set(translation.source, [translation]);
  }
  return [...groups].map(([source, members]) => ({ source, translations: members }));
}

/**
 * The fields a surface shows: a field that only repeats what the reply shows anyway (the author or
 * piece already in the subtitle, or the provenance every translation group names) is left out, so a
 * user does not read the same line twice.
 */
export function fieldsToShow(reply: Pick<Reply, 'fields' | 'subtitle' | 'translations'>): Field[] {
  const subtitle = reply.subtitle?.trim();
  const inSubtitle = new Set(subtitle ? [subtitle, ...subtitle.split(' · ').map((piece) => piece.trim())] : []);
  const sources = new Set(reply.translations.map((translation) => translation.source));
  return reply.fields.filter((field) => {
    const value = field.value.trim();
    if (inSubtitle.has(value)) return false;
    const lines = value.split('\n').map((line) => line.trim()).filter(Boolean);
    return !(lines.length > 0 && lines.every((line) => sources.has(line)));
  });
}

/**
 * The suggestions a surface with buttons still has to list: those that no button of the reply
 * already offers (a button's label names its suggestion, so listing it too says it twice).
 */
export function suggestionsWithoutButtons(reply: Pick<Reply, 'suggestionViews' | 'actions'>): SuggestionView[] {
  const offered = new Set(reply.actions.filter((action) => action.kind === 'define').map((action) => action.request.options.term));
  return reply.suggestionViews.filter((view) => !offered.has(referenceOf(view)));
}
