/**
 * Serializes an entry to the entry file format (see src/core/entry.ts): YAML front-matter, the
 * body with `## ` section headings, footnote definitions last with continuation lines indented
 * by four spaces. Output is deterministic, so a re-import of unchanged input changes nothing.
 */
import { stringify } from 'yaml';
import type { EntryFrontMatter } from '../core/entry.js';

/** An entry's body: sections (heading null for the opening paragraphs) and footnotes. */
export interface EntryBody {
  /** `id` is given for an untitled section that follows a heading (written as a comment line). */
  sections: Array<{ heading: string | null; id?: string; paragraphs: string[] }>;
  footnotes: Array<{ number: number; text: string }>;
}

/** The complete text of `entries/<id>.md`. */
export function renderEntryFile(front: EntryFrontMatter, body: EntryBody): string {
  const ordered: EntryFrontMatter = {
    id: front.id,
    term: front.term,
    title: front.title,
    part: front.part,
    number: front.number,
    order: front.order,
    contribution: front.contribution,
    authors: front.authors,
    authorVariants: front.authorVariants,
    aliases: front.aliases,
    lead: front.lead,
    tables: front.tables,
    translations: front.translations,
    glossary: front.glossary,
  };
  const yaml = stringify(ordered, { lineWidth: 0, aliasDuplicateObjects: false });
  const chunks: string[] = [];
  for (const section of body.sections) {
    if (section.heading !== null) chunks.push(`## ${section.heading}`);
    else if (section.id !== undefined) chunks.push(`<!-- section: ${section.id} -->`);
    chunks.push(...section.paragraphs);
  }
  for (const footnote of body.footnotes) {
    const [first, ...rest] = footnote.text.split('\n');
    chunks.push([`[^${footnote.number}]: ${first ?? ''}`, ...rest.map((line) => `    ${line}`)].join('\n'));
  }
  return `---\n${yaml}---\n${chunks.join('\n\n')}\n`;
}
