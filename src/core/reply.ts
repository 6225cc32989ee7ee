/**
 * The platform-neutral reply every command returns. Adapters (Discord, Slack, console) render it;
 * `npm run lexicon -- … --json` prints it as is. It carries no platform markup: text is plain,
 * footnote markers are rendered as superscript digits (¹²), and emphasis is given as ranges.
 */
import type { TranslationLanguage } from './entry.js';

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

/** One block of the reply's body. */
export type TextPart =
  /** The authors' own words, verbatim; render as a block quote. */
  | { kind: 'quote'; text: string; highlights?: Highlight[] }
  /** Our own words (explanations, notes); never put an author's words here. */
  | { kind: 'text'; text: string }
  | { kind: 'heading'; text: string }
  /** A table from the document, cells verbatim. */
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; note?: string };

/** A labelled value, e.g. "Author" → "David A. Welch". */
export interface Field {
  name: string;
  value: string;
  /** May sit beside other inline fields. */
  inline?: boolean;
}

/** A footnote of the document, cited by what the reply quotes. */
export interface Citation {
  number: number;
  text: string;
  urls: string[];
  entryId: string;
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
  /** Provenance shown to the user, e.g. "Appendix to 5A (David A. Welch)". */
  source: string;
  entryId: string;
}

/** One passage found by `search`. */
export interface SearchResultView {
  entryId: string;
  sectionId?: string;
  entryTitle: string;
  authors: string[];
  excerpt: string;
  /** Ranges of `excerpt` that matched the query. */
  highlights: Highlight[];
}

/** A suggestion: an entry (or section) the user may have meant. */
export interface SuggestionView {
  entryId: string;
  sectionId?: string;
  /** Set when the suggestion is a term of the document's own glossary. */
  glossaryTerm?: string;
  label: string;
}

/**
 * A command invocation that a button can replay: the command, its validated options, and a page.
 * Encoded compactly into a Discord custom_id / Slack action value by `action-state.ts`.
 */
export interface CommandRequest {
  command: string;
  options: Record<string, string | number>;
  page?: number;
}

/** A follow-up the surface may offer as a button. */
export interface ReplyAction {
  kind: 'share' | 'sources' | 'prev' | 'next' | 'expand' | 'define';
  label: string;
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
  parts: TextPart[];
  fields: Field[];
  citations: Citation[];
  translations: TranslationView[];
  /** Entry ids the user may have meant, best first ("did you mean"). */
  suggestions: string[];
  /** Labelled versions of `suggestions`, same order. */
  suggestionViews: SuggestionView[];
  /** For `search`: the passages found. */
  results?: SearchResultView[];
  /** Entries related to this one (cross-references computed from the text). */
  seeAlso?: SuggestionView[];
  /** The document's own caveat, shown wherever we quote or cite it. */
  notice?: string;
  /** Which page of how many (1-based); count is 1 for a short reply. */
  page: { index: number; count: number };
  actions: ReplyAction[];
  /** The request that produced this reply (normalized), so a surface can replay or share it. */
  request: CommandRequest;
}

/** The document's caveat, quoted wherever we cite it. */
export const SOURCE_CAVEAT =
  '“Cooperative Security 2.0” is marked “Not for citation or wide circulation. For workshop purposes only.”';
