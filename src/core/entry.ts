/**
 * The shape of a lexicon entry: the zod schema for an entry file's YAML front-matter, and the
 * in-memory `Entry` the loader builds from front-matter plus Markdown body.
 *
 * Entry file layout (`entries/<id>.md`):
 *
 * ```
 * ---
 * <front-matter, validated by EntryFrontMatterSchema>
 * ---
 * Opening paragraphs (section id "intro").
 *
 * ## Section heading            <- a new section; its id is slugify(heading)
 * Paragraphs separated by blank lines, footnote markers as [^12].
 *
 * <!-- section: essay -->        <- an untitled section after a heading (heading null, id given)
 *
 * [^12]: Footnote text, verbatim.
 *     Continuation lines of a footnote are indented by four spaces.
 * ```
 */
import * as z from 'zod';
import { TranslationLanguageSchema } from './translation-language.js';

export { TranslationLanguageSchema, type TranslationLanguage } from './translation-language.js';

/** Where a translation came from in the document, shown to the user beside it. */
export const TranslationSourceSchema = z.object({
  /** Human-readable provenance, e.g. "Appendix to 5A: Candidate translations … (David A. Welch)". */
  label: z.string().min(1),
  /** The footnote that records it, when a footnote is the source. */
  footnote: z.number().int().positive().optional(),
  /** Who prepared it, when the document says so (e.g. "Jiang Wenran"). */
  by: z.string().min(1).optional(),
  /** When, when the document says so (e.g. "December 2013"). */
  date: z.string().min(1).optional(),
  /**
   * Where a footnote holds it: in its running text (`footnote`, footnote 28's *xinren*), or as the
   * title of a work it cites (`cited-title`, footnote 125's 新型大国关系). Then `label` is our English
   * description, and readers see it composed in their language from the footnote and the piece.
   */
  kind: z.enum(['footnote', 'cited-title']).optional(),
});
export type TranslationSource = z.infer<typeof TranslationSourceSchema>;

export const GlossSchema = z.object({ word: z.string().min(1), meaning: z.string().min(1) });

/** One recorded rendering of an English concept into another language. */
export const TranslationSchema = z.object({
  /** The English concept rendered, lower case as the document names it: "trust", "confidence". */
  concept: z.string().min(1),
  language: TranslationLanguageSchema,
  /** The rendering in its own script, verbatim; absent where the document gives only a romanization. */
  text: z.string().min(1).optional(),
  /** The romanization the document gives, verbatim (e.g. "XinRen", "xiehe anquan jizhi"). */
  romanization: z.string().min(1).optional(),
  /** Per-word glosses, where the document gives them. */
  glosses: z.array(GlossSchema).optional(),
  source: TranslationSourceSchema,
}).refine((t) => t.text !== undefined || t.romanization !== undefined, {
  message: 'a translation needs its text, its romanization, or both',
  path: ['text'],
});
export type Translation = z.infer<typeof TranslationSchema>;

/** A table kept as data so any surface can render it. Cells are verbatim text. */
export const TableSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  caption: z.string().min(1),
  /** The section the table belongs to. */
  section: z.string().min(1),
  columns: z.array(z.string()),
  /** Each row has one cell per column; a cell may hold several lines (joined with "\n"). */
  rows: z.array(z.array(z.string())),
  /** A legend or note printed with the table, verbatim, if the document gives one. */
  note: z.string().optional(),
});
export type Table = z.infer<typeof TableSchema>;

/** The hand-chosen (or first-sentence) definition: a verbatim span of the entry's text. */
export const LeadSchema = z.object({
  /** Section the span sits in; "intro" for the opening paragraphs. */
  section: z.string().min(1),
  /** The span, verbatim, footnote markers ([^N]) included where the text has them. */
  text: z.string().min(1),
});

/**
 * One term of the document's own glossary: an acronym a piece spells out or a term it defines, with
 * the span that does so, verbatim (footnote markers as [^N]), and where that span is.
 */
export const GlossaryItemSchema = z.object({
  term: z.string().min(1),
  kind: z.enum(['acronym', 'term']),
  /** An acronym's long form as the text spells it out. */
  longForm: z.string().min(1).optional(),
  /** Where the span is: a paragraph of a section (0-based), or a footnote. */
  section: z.string().min(1).optional(),
  paragraph: z.number().int().nonnegative().optional(),
  footnote: z.number().int().positive().optional(),
  /** The defining sentence(s), verbatim. */
  text: z.string().min(1),
  /** Footnotes marked inside `text`. */
  footnotes: z.array(z.number().int().positive()).default([]),
  /** Whose definition the author quotes, when it is not the author's own (e.g. the OED). */
  quoting: z.string().min(1).optional(),
  /** extracted (not yet reviewed), accepted (reviewed in curation) or added (by hand in curation). */
  review: z.enum(['extracted', 'accepted', 'added']),
}).strict().refine((item) => (item.footnote !== undefined) !== (item.section !== undefined && item.paragraph !== undefined), {
  message: 'a glossary item sits in a section paragraph or in a footnote',
  path: ['section'],
});
export type GlossaryItem = z.infer<typeof GlossaryItemSchema>;

export const PartSchema = z.enum(['I', 'II', 'III']);

/** Front-matter of an entry file. */
export const EntryFrontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
    /** The headword, e.g. "Empathy". */
    term: z.string().min(1),
    /** The piece's full title as the document gives it (typos repaired). */
    title: z.string().min(1),
    part: PartSchema,
    /** The piece's number within its part: "1", "5A"; "" for the overview. */
    number: z.string(),
    /** Position in the document, 1-based, for listing in document order. */
    order: z.number().int().positive(),
    /** "Overview", "Canadian Contributions" or "Chinese Contributions". */
    contribution: z.string().min(1),
    authors: z.array(z.string().min(1)).min(1),
    /** Other spellings of author names in the document (e.g. "Zheng Yinqin"), for search only. */
    authorVariants: z.array(z.string().min(1)).default([]),
    /** Acronyms and variants the text itself uses. */
    aliases: z.array(z.string().min(1)).default([]),
    lead: LeadSchema,
    tables: z.array(TableSchema).default([]),
    translations: z.array(TranslationSchema).default([]),
    /** The document's own glossary within this entry (src/importer/glossary.ts). */
    glossary: z.array(GlossaryItemSchema).default([]),
  })
  .strict();
export type EntryFrontMatter = z.infer<typeof EntryFrontMatterSchema>;

/** A footnote of the document, verbatim, with the URLs it contains. */
export interface Footnote {
  number: number;
  text: string;
  urls: string[];
}

/** A heading-delimited part of an entry, addressable on its own (`empathy/confidence`). */
export interface Section {
  /** "intro" for the opening paragraphs, the slug of the heading, or the id an untitled section is given. */
  id: string;
  /** The heading as written, or null for the opening paragraphs and untitled sections. */
  heading: string | null;
  /** Paragraph texts, verbatim, with footnote markers as [^N]. */
  paragraphs: string[];
}

/** An entry as the bot uses it: front-matter plus the parsed body. */
export interface Entry extends EntryFrontMatter {
  sections: Section[];
  footnotes: Footnote[];
  /** The file it was loaded from, relative to the repository root. */
  file: string;
}
