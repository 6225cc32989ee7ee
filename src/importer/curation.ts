/**
 * Hand curation (`entries/curation.yaml`): per entry id, the human choices the importer cannot make
 * from the document alone: headword, repaired title and author spellings, aliases, the lead
 * definition, and untitled section breaks. The importer merges it on every run, so curation survives a re-import, and checks
 * it against the text so a curated lead or alias can never drift from the document.
 */
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { LeadSchema } from '../core/entry.js';
import { ImportError } from './errors.js';

const names = z.array(z.string().min(1));

/** A glossary item added by hand: the importer finds where its text is and which footnotes it carries. */
export const CuratedGlossaryItemSchema = z
  .object({
    term: z.string().min(1),
    kind: z.enum(['acronym', 'term']).default('term'),
    longForm: z.string().min(1).optional(),
    /** The defining sentence(s), verbatim from one paragraph or footnote of the entry (markers as [^N]). */
    text: z.string().min(1),
    quoting: z.string().min(1).optional(),
  })
  .strict();
export type CuratedGlossaryItem = z.infer<typeof CuratedGlossaryItemSchema>;

/**
 * The human review of the extracted glossary: terms accepted as extracted, terms rejected (the
 * importer drops them), and items added by hand. Accept and reject must name a term the extractor
 * finds, so a review cannot silently go stale after a change to the text or the extractor.
 */
export const CuratedGlossarySchema = z
  .object({
    accept: names.default([]),
    reject: names.default([]),
    add: z.array(CuratedGlossaryItemSchema).default([]),
  })
  .strict();

/** One entry's curation. */
export const CuratedEntrySchema = z
  .object({
    term: z.string().min(1),
    title: z.string().min(1).optional(),
    authors: names.min(1).optional(),
    authorVariants: names.default([]),
    aliases: names.default([]),
    glossary: CuratedGlossarySchema.optional(),
    lead: LeadSchema.optional(),
    /**
     * Where an untitled stretch of text follows a heading without belonging to it (5B's essay after
     * its "Key points"): a new section, heading null, starts at the paragraph beginning `before`.
     */
    sectionBreaks: z
      .array(z.object({ before: z.string().min(1), id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/) }).strict())
      .default([]),
  })
  .strict();
/** One entry's curation, validated. */
export type CuratedEntry = z.infer<typeof CuratedEntrySchema>;

/** The curation file: entry id → curation. */
export const CurationSchema = z.record(z.string(), CuratedEntrySchema);
/** The curation file, validated. */
export type Curation = z.infer<typeof CurationSchema>;

/** Parses and validates the curation file's text; errors name the file, entry and field. */
export function parseCuration(text: string, file: string, knownIds: readonly string[]): Curation {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    throw new ImportError(`${file}: invalid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const result = CurationSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ImportError(`${file}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
  }
  for (const id of Object.keys(result.data)) {
    if (!knownIds.includes(id)) throw new ImportError(`${file}: "${id}" is not one of the entry ids (${knownIds.join(', ')})`);
  }
  return result.data;
}

/**
 * True when `phrase` occurs in `text` as whole words: case-insensitive, except that an acronym
 * ("NCI", "OE") must match its capitals, so "conciliatory" does not count as "NCI".
 */
export function occursAsWords(phrase: string, text: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const acronym = /^[A-Z0-9]+s?$/.test(phrase) && /[A-Z]{2}/.test(phrase);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu').test(text);
}

/** Fails unless every curated alias occurs in the document (aliases come from the text itself). */
export function checkAliases(curation: Curation, documentText: string, file: string): void {
  for (const [id, entry] of Object.entries(curation)) {
    for (const alias of entry.aliases) {
      if (!occursAsWords(alias, documentText)) throw new ImportError(`${file}: ${id}: alias "${alias}" does not occur in the document`);
    }
  }
}
