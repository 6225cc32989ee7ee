/**
 * Answers for a term that is not an entry: a term of the document's own glossary (its defining
 * span, verbatim, with piece, author, footnotes and an offer to read on), or a word the text uses
 * without defining (the passages that use it, labelled as such), or an honest "the document does
 * not discuss it".
 */
import type { ReplyDraft } from './command.js';
import type { Entry, GlossaryItem } from './entry.js';
import type { Lexicon } from './lexicon.js';
import { SOURCE_CAVEAT, text, type Block, type CommandRequest } from './reply.js';
import type { TermMatch, TermResolution } from '../search/types.js';
import { citationsBlock, echo, emptyDraft, entrySubtitle, suggestionView } from './entry-views.js';
import { renderText } from './render-text.js';
import { passageViews } from './passage-views.js';
import { noMatchReply } from './resolver.js';
import { glossaryAddress, usesOf } from '../search/index.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { andList, languageName } from '../i18n/words.js';
import { describeSource } from './translations.js';

/** Share of a query's words a passage must hold to be offered when none holds them all. */
const MOST_WORDS = 0.75;

/** Passages offered for a word that names no entry. */
export const LOOKUP_PASSAGE_LIMIT = 3;

/**
 * When every match is the same glossary term spelled out in several pieces (CBMs in 5A, II.4 and
 * II.7), the one to answer with: the piece that uses the term most, earliest on a tie.
 */
export function glossaryChoice(lexicon: Lexicon, matches: readonly TermMatch[]): TermMatch | undefined {
  if (matches.length === 0 || matches.some((match) => match.glossaryIndex === undefined)) return undefined;
  const terms = matches.map((match) => lexicon.entry(match.entryId)?.glossary[match.glossaryIndex!]?.term.toLowerCase());
  if (new Set(terms).size !== 1 || terms[0] === undefined) return undefined;
  const term = terms[0];
  let best = matches[0]!;
  let bestUses = -1;
  for (const match of matches) {
    const entry = lexicon.entry(match.entryId);
    const uses = entry ? usesOf(entry, term) : 0;
    if (uses > bestUses) {
      best = match;
      bestUses = uses;
    }
  }
  return best;
}

/** The address of a glossary term, as a button replays it: "trust@arf". */
export function glossaryReference(entry: Entry, item: GlossaryItem): string {
  return glossaryAddress(entry.id, item.term);
}

/** Where a glossary span is, in words: "the opening of Trust", "“Confidence” in Empathy, footnote 28 of Trust". */
function placeOf(entry: Entry, item: GlossaryItem, tr: Translator): string {
  if (item.footnote !== undefined) return tr.t('place.footnote', { number: String(item.footnote), term: entry.term });
  const section = entry.sections.find((s) => s.id === item.section);
  const paragraph = (item.paragraph ?? 0) + 1;
  return section?.heading ? tr.t('place.section', { heading: section.heading, term: entry.term, paragraph }) : tr.t('place.opening', { term: entry.term, paragraph });
}

/** Parts saying that a quoted span is someone else's definition, when the glossary records it. */
export function quotationNote(item: Pick<GlossaryItem, 'quoting'>, entry: Entry, tr: Translator = createTranslator()): Block[] {
  return item.quoting ? [text(tr.t('glossary.quoting', { authors: andList(tr, entry.authors), source: item.quoting }))] : [];
}

/**
 * Parts with a "quoting …" note before every quote that holds a definition the author quotes
 * from someone else (the OED's in 5A), so a borrowed definition is never shown as the author's own.
 */
export function withQuotationNotes(entry: Entry, parts: readonly Block[], tr: Translator = createTranslator()): Block[] {
  const quoted = quotationsOf(entry);
  if (quoted.length === 0) return [...parts];
  const out: Block[] = [];
  for (const part of parts) {
    if (part.kind === 'quote') {
      const found = quoted.find(({ text }) => part.text.includes(text) || text.includes(part.text));
      if (found) out.push(...quotationNote(found.item, entry, tr));
    }
    out.push(part);
  }
  return out;
}

/** An entry's quoted definitions with their rendered text, computed once per entry. */
function quotationsOf(entry: Entry): { item: GlossaryItem; text: string }[] {
  let found = QUOTATIONS.get(entry);
  if (!found) {
    found = entry.glossary.filter((item) => item.quoting !== undefined).map((item) => ({ item, text: renderText(item.text).text }));
    QUOTATIONS.set(entry, found);
  }
  return found;
}

/** Rendered quotations by entry (entries are immutable once loaded). */
const QUOTATIONS = new WeakMap<Entry, { item: GlossaryItem; text: string }[]>();

/** The answer for a glossary term: its defining span, verbatim, where it is, and its footnotes. */
export function glossaryDraft(lexicon: Lexicon, match: TermMatch, others: readonly TermMatch[], tr: Translator = createTranslator()): ReplyDraft | undefined {
  const entry = lexicon.entry(match.entryId);
  const item = match.glossaryIndex === undefined ? undefined : entry?.glossary[match.glossaryIndex];
  if (!entry || !item) return undefined;
  const title = item.longForm ? `${item.term} — ${item.longForm}` : item.term;
  const request: CommandRequest = { command: 'define', options: { term: glossaryReference(entry, item) } };
  const draft = emptyDraft('definition', title, request);
  draft.subtitle = entrySubtitle(entry, tr);
  draft.entryId = entry.id;
  if (item.section !== undefined) draft.sectionId = item.section;
  const also = others.filter((other) => other.entryId !== entry.id);
  const alsoTerms = [...new Set(also.map((o) => lexicon.entry(o.entryId)?.term ?? o.entryId))];
  draft.blocks = [
    ...quotationNote(item, entry, tr),
    { kind: 'quote', text: renderText(item.text).text },
    text(tr.t('glossary.where', { kind: item.kind === 'acronym' ? 'acronym' : item.quoting ? 'quoted' : 'defined', place: placeOf(entry, item, tr), term: entry.term })),
    ...(alsoTerms.length > 0 ? [text(tr.t('glossary.alsoSpelled', { places: tr.items(alsoTerms) }))] : []),
    ...citationsBlock(entry, item.footnotes),
  ];
  draft.notice = SOURCE_CAVEAT;
  const readOn: Record<string, string> = item.section !== undefined ? { entry: entry.id, section: item.section } : { entry: entry.id };
  draft.actions = [
    { kind: 'share', label: tr.t('button.share'), request },
    { kind: 'open', label: tr.t('button.readOn', { term: entry.term }).slice(0, 80), request: { command: 'read', options: readOn } },
  ];
  return draft;
}

/**
 * A query typed in a rendering's script or romanization (信賴, Shinrai): the row of the translation
 * table that records it, with the concept it renders and where it is recorded.
 */
export function renderingDraft(lexicon: Lexicon, query: string, tr: Translator = createTranslator()): ReplyDraft | undefined {
  const views = lexicon.translations.renderingsMatching(query);
  const first = views[0];
  if (!first) return undefined;
  const concepts = [...new Set(views.map((view) => view.concept))];
  const shown = echo(query);
  const request: CommandRequest = { command: 'define', options: { term: query } };
  const draft = emptyDraft('translation', `${shown}${tr.colon}${tr.list(concepts.map((c) => tr.quote(c)), 'disjunction')}`, request);
  draft.entryId = first.entryId;
  draft.subtitle = tr.t('rendering.subtitle', { count: views.length });
  draft.blocks = [
    text(views.map((view) => tr.t('rendering.line', { rendering: view.text ?? view.romanization ?? shown, language: languageName(tr, view.language), concept: view.concept, source: describeSource(view.source, tr) })).join(' ')),
    { kind: 'translations', translations: views },
    { kind: 'suggestions', command: 'define', suggestions: concepts.slice(0, 3).map((concept) => ({ entryId: first.entryId, label: concept })) },
  ];
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [{ kind: 'share', label: tr.t('button.share'), request }];
  return draft;
}

/**
 * A word that names no entry or glossary term: the passages that use it, labelled as such, with
 * only near suggestions; or, when the text never uses it, an honest "not discussed".
 */
export function lookupDraft(lexicon: Lexicon, query: string, resolution: TermResolution, command: string, request: CommandRequest, tr: Translator = createTranslator()): ReplyDraft {
  const shown = echo(query);
  // Passages holding every word of the query "use" it; failing those, passages holding most of its
  // words (three in four), said so; one word of several is not the query.
  const all = lexicon.search.passages(query, LOOKUP_PASSAGE_LIMIT, true);
  const most = all.length > 0 ? [] : lexicon.search.passages(query, LOOKUP_PASSAGE_LIMIT).filter((p) => p.coverage >= MOST_WORDS);
  const passages = all.length > 0 ? all : most;
  const near = resolution.suggestions.filter((s) => s.matchedOn !== 'body').slice(0, 5).map(suggestionView);
  const suggestions: Block[] = near.length > 0 ? [{ kind: 'suggestions', command, suggestions: near }] : [];
  if (passages.length === 0) {
    // The contract's no-match reply (never without suggestions), led by the honest "not discussed".
    const draft = noMatchReply({ lexicon, request, tr }, query, near.length > 0 ? resolution.suggestions.filter((s) => s.matchedOn !== 'body') : [], command);
    draft.blocks = [text(tr.t('lookup.notDiscussed', { query: shown })), ...draft.blocks];
    return draft;
  }
  const views = passageViews(lexicon, passages, tr);
  const draft = emptyDraft('lookup', tr.t('lookup.title', { query: shown }), request);
  draft.subtitle = tr.t('lookup.subtitle', { count: passages.length });
  draft.blocks = [
    text(tr.t(all.length > 0 ? 'lookup.uses' : 'lookup.most', { query: shown })),
    { kind: 'results', results: views.results },
    ...views.carriers,
    ...(views.citations.length > 0 ? [{ kind: 'citations' as const, citations: views.citations }] : []),
    ...suggestions,
  ];
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [{ kind: 'share', label: tr.t('button.share'), request }];
  return draft;
}
