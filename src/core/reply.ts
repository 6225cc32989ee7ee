/**
 * The platform-neutral reply every command returns. Adapters (Discord, Slack, console) render it;
 * `npm run lexicon -- … --json` prints it as is. It carries no platform markup: text is plain,
 * footnote markers are superscript digits (¹²), emphasis is given as ranges, and a command named in
 * our own prose is a structured piece (`CommandReference`), so each surface writes it as its users
 * type it.
 *
 * The body is a list of typed blocks. Each fact of an answer sits in exactly one block (the author in
 * the subtitle, a footnote in the citations block, a candidate in the suggestions block), so a
 * renderer shows each block once and never has to guess what repeats what. Every block kind has a
 * plain-text form (`reply-text.ts`): a surface that does not know a block kind shows that.
 *
 * To add a block kind: add it to `Block` with a doc comment, give it a plain-text form in
 * `reply-text.ts` (the compiler asks for it), say in `paginate.ts` whether it flows across pages or
 * stays on every page, and render it where a surface can do better than plain text.
 */
import type { TranslationLanguage, TranslationSource } from './entry.js';
import type { UiLocale } from '../i18n/locale.js';

/** What kind of answer this is; adapters may choose a colour or icon by it. */
export type ReplyKind =
  | 'definition'
  | 'translation'
  | 'citation'
  | 'search'
  | 'comparison'
  | 'list'
  | 'help'
  | 'lookup'
  | 'no-match'
  | 'usage-error'
  | 'error';

/** A [start, end) range of characters in a text to show emphasised (e.g. search hits). */
export type Highlight = [start: number, end: number];

/** A command named in our own prose: `/define empathy`. Surfaces write it as their users type it. */
export interface CommandReference {
  kind: 'command';
  /** Command name, lower case, no slash. */
  command: string;
  /** What follows the name, e.g. "empathy" or "<term>"; absent for the bare command. */
  args?: string;
}

/** Our own prose: plain text with command references in it. */
export type Prose = readonly (string | CommandReference)[];

/**
 * A place in the document, in its own terms: where a quote or a search result is, so that a
 * surface can link to that very paragraph, footnote or section of the reading room.
 */
export interface PagePlace {
  entryId: string;
  sectionId?: string;
  /** 0-based, within the section. */
  paragraphIndex?: number;
  /** A footnote of the entry (its number). */
  footnote?: number;
}

/** The authors' own words, verbatim; render as a block quote. */
export interface QuoteBlock {
  kind: 'quote';
  text: string;
  highlights?: Highlight[];
  /** Where these words are in the document (their paragraph), when known. */
  place?: PagePlace;
}

/** Our own words (explanations, notes, how to cite); never an author's words. */
export interface TextBlock {
  kind: 'text';
  text: Prose;
}

/** A heading over what follows it. */
export interface HeadingBlock {
  kind: 'heading';
  text: string;
}

/** A table from the document, cells verbatim. */
export interface TableBlock {
  kind: 'table';
  caption: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

/** A labelled value, e.g. "Entries" → "13". */
export interface Fact {
  label: string;
  value: string;
}

/** Labelled values that are the answer itself (never a repeat of the title or subtitle). */
export interface FactsBlock {
  kind: 'facts';
  facts: Fact[];
}

/** A footnote of the document, cited by what the reply quotes. */
export interface Citation {
  number: number;
  text: string;
  urls: string[];
  entryId: string;
}

/** The footnotes the reply's quotes cite, or (for /cite) the footnotes asked for. */
export interface CitationsBlock {
  kind: 'citations';
  citations: Citation[];
}

/** A recorded translation, with where the document records it. */
export interface TranslationView {
  concept: string;
  language: TranslationLanguage;
  /** English name of the language, for display. */
  languageName: string;
  /** The rendering in its own script; absent where the document gives only a romanization. */
  text?: string;
  romanization?: string;
  glosses?: { word: string; meaning: string }[];
  /** Where the document records it; `describeSource` says it in the reader's language. */
  source: Provenance;
  entryId: string;
}

/** Where a rendering is recorded, and the piece that records it (title and authors, for a footnote's provenance). */
export type Provenance = TranslationSource & { piece?: { title: string; authors: readonly string[] } };

/** Translations the document records, each with its provenance. */
export interface TranslationsBlock {
  kind: 'translations';
  translations: TranslationView[];
}

/** One passage found by `search`. */
export interface SearchResultView {
  entryId: string;
  sectionId?: string;
  /** "Empathy › Confidence". */
  entryTitle: string;
  authors: string[];
  /** Verbatim passage (rendered text). */
  excerpt: string;
  /** Ranges of `excerpt` that matched the query. */
  highlights: Highlight[];
  /** Where the passage is in the document (its paragraph or footnote). */
  place?: PagePlace;
}

/** The passages a search found, best first. */
export interface ResultsBlock {
  kind: 'results';
  results: SearchResultView[];
  /** Set on a later page's worth of results: the paginator starts a new page with it. */
  startsPage?: boolean;
}

/** An entry (or section) named by a reply: a suggestion, a candidate, a cross-reference. */
export interface SuggestionView {
  entryId: string;
  sectionId?: string;
  /** Set when the suggestion is a term of the document's own glossary. */
  glossaryTerm?: string;
  label: string;
}

/**
 * Entries the user may have meant ("Did you mean"), best first. Picking one runs `command` on it:
 * surfaces with buttons show each as a button (`suggestionActions`), others list them.
 */
export interface SuggestionsBlock {
  kind: 'suggestions';
  /** The command a pick answers, e.g. "define". */
  command: string;
  suggestions: SuggestionView[];
}

/** Entries related to the one answered (cross-references computed from the text). */
export interface SeeAlsoBlock {
  kind: 'see-also';
  entries: SuggestionView[];
}

/** One block of a reply's body. */
export type Block =
  | QuoteBlock
  | TextBlock
  | HeadingBlock
  | TableBlock
  | FactsBlock
  | CitationsBlock
  | TranslationsBlock
  | ResultsBlock
  | SuggestionsBlock
  | SeeAlsoBlock;

/** The name of a block kind. */
export type BlockKind = Block['kind'];

/** The block of a kind. */
export type BlockOf<K extends BlockKind> = Extract<Block, { kind: K }>;

/**
 * A command invocation that replays an answer: the command, its canonical options, and a page.
 * Encoded compactly into a Discord custom_id / Slack action value by `action-state.ts`.
 */
export interface CommandRequest {
  command: string;
  options: Record<string, string | number>;
  page?: number;
}

/**
 * What a button does:
 * - `share`: post the answer on screen (this page) for everyone;
 * - `sources`: the footnotes of the page on screen, with how to cite the piece;
 * - `prev` / `next`: the neighbouring page, in place for whoever may change the message;
 * - `open`: another answer (a suggestion, a related entry, a page of a public answer), privately.
 */
export type ActionKind = 'share' | 'sources' | 'prev' | 'next' | 'open';

/** A follow-up the surface may offer as a button. */
export interface ReplyAction {
  kind: ActionKind;
  /** The label in our own words; surfaces word `share` their own way (e.g. "Post to channel"). */
  label: string;
  /** What a share posts when a reply offers several (a lookup's terms), e.g. "Empathy". */
  subject?: string;
  request: CommandRequest;
}

/** The reply model. */
export interface Reply {
  kind: ReplyKind;
  title: string;
  /** One line under the title, e.g. "David A. Welch · II.5A Empathy, Part I". */
  subtitle?: string;
  /** The entry answered, or null (search, help, no match). */
  entryId: string | null;
  /** The section answered, when the answer is a section of an entry. */
  sectionId?: string;
  /** The body, in reading order. */
  blocks: Block[];
  /** The document's own caveat, shown wherever we quote or cite it. */
  notice?: string;
  /** Which page of how many (1-based); count is 1 for a short reply. */
  page: { index: number; count: number };
  actions: ReplyAction[];
  /** The canonical request that replays this very answer (this page), as its handler declared it. */
  request: CommandRequest;
  /** The language of our own words in it (the authors' words are the document's); English when absent. */
  locale?: UiLocale;
}

/** The document's caveat, quoted wherever we cite it. */
export const SOURCE_CAVEAT =
  '“Cooperative Security 2.0” is marked “Not for citation or wide circulation. For workshop purposes only.”';

/** A command reference: `command('define', 'empathy')` is "/define empathy" in our prose. */
export function command(name: string, args?: string): CommandReference {
  return args === undefined ? { kind: 'command', command: name } : { kind: 'command', command: name, args };
}

/** A text block of prose pieces. */
export function text(...pieces: (string | CommandReference)[]): TextBlock {
  return { kind: 'text', text: pieces };
}

/** The blocks of one kind, in order. */
export function blocksOf<K extends BlockKind>(reply: { blocks: readonly Block[] }, kind: K): BlockOf<K>[] {
  return reply.blocks.filter((block): block is BlockOf<K> => block.kind === kind);
}

/** Every footnote a reply cites, in order. */
export function citationsOf(reply: { blocks: readonly Block[] }): Citation[] {
  return blocksOf(reply, 'citations').flatMap((block) => block.citations);
}

/** Every translation a reply shows, in order. */
export function translationsOf(reply: { blocks: readonly Block[] }): TranslationView[] {
  return blocksOf(reply, 'translations').flatMap((block) => block.translations);
}

/**
 * The place in the document a reply (this page of it) quotes: its first quote that knows its
 * paragraph, else the section or entry it answers; undefined for a reply about no entry.
 */
export function placeOfReply(reply: Pick<Reply, 'blocks' | 'entryId' | 'sectionId'>): PagePlace | undefined {
  for (const block of reply.blocks) if (block.kind === 'quote' && block.place) return block.place;
  if (reply.entryId === null) return undefined;
  return reply.sectionId !== undefined ? { entryId: reply.entryId, sectionId: reply.sectionId } : { entryId: reply.entryId };
}
