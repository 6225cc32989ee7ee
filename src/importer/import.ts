/**
 * The importer: from the converted document and the curation file to the text of every entry
 * file. Pure (no file access), so tests can run it on the real document.
 */
import { EntryFrontMatterSchema } from '../core/entry.js';
import type { EntryFrontMatter, GlossaryItem, Table, Translation } from '../core/entry.js';
import { slugify } from '../core/load-entries.js';
import { readBlocks } from './blocks.js';
import { checkAliases, parseCuration } from './curation.js';
import type { CuratedEntry } from './curation.js';
import { splitDocument } from './document.js';
import { ImportError } from './errors.js';
import { restoreFlow } from './flow.js';
import type { Flow } from './flow.js';
import { assignFootnotes } from './footnotes.js';
import { extractGlossary, markersIn } from './glossary.js';
import type { GlossarySourceText } from './glossary.js';
import type { ImportedFootnote } from './footnotes.js';
import { layoutItems } from './layout.js';
import { cleanInline, toFootnoteMarkers } from './markup.js';
import { PIECE_SPECS, splitPieces } from './pieces.js';
import type { Piece, PieceSection } from './pieces.js';
import { repairJoinedWords } from './repairs.js';
import { shapeTable } from './tables.js';
import { appendixTranslations, footnote28Translations, footnoteTitleTranslation, parseRenderingsAppendix } from './translations.js';
import { renderEntryFile } from './writer.js';
import type { EntryBody } from './writer.js';

/** Where the document's translations go (a human reading of the document, checked at import). */
const TRANSLATION_PLACES = {
  /** The 5A appendix table of candidate translations. */
  appendix: { entry: 'empathy', table: 'candidate-translations' },
  /** The closing page of Chinese renderings of the consociational security order. */
  renderings: { entry: 'consociational-security-order' },
  /** Footnote 28: xinren / xinlai. */
  romanized: { entry: 'trust', footnote: 28 },
  /** Footnote 125: the Chinese title of the new model (footnote 127 repeats it). */
  title: { entry: 'new-model-of-major-power-relations', footnote: 125, concept: 'new model of major power relations' },
} as const;

/** An entry before serialization: its front-matter and body. */
export interface ImportedEntry {
  front: EntryFrontMatter;
  body: EntryBody;
}

/** What an import produces. */
export interface ImportResult {
  /** Entry file name (`<id>.md`) → file text, in document order. */
  files: Map<string, string>;
  entries: ImportedEntry[];
  footnotesAssigned: number;
  /** Paragraphs rejoined across page breaks. */
  joins: Flow['joins'];
}

/** Running text as the entry body holds it: ordinals flat, joined words repaired, markers `[^N]`. */
export function bodyText(paragraph: string): string {
  return toFootnoteMarkers(repairJoinedWords(cleanInline(paragraph)));
}

/** The first sentence of a paragraph (the default lead when curation chooses none). */
export function firstSentence(paragraph: string): string {
  const match = /^.+?[.!?](?:\[\^\d+\])?(?=\s+[“"A-Z]|$)/.exec(paragraph);
  return match ? match[0] : paragraph;
}

function sectionIds(piece: Piece): string[] {
  const used = new Set<string>();
  return piece.sections.map((section) => {
    const base = section.id ?? (section.heading === null ? 'intro' : slugify(section.heading) || 'section');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

function footnoteLabel(number: number, front: Pick<EntryFrontMatter, 'title' | 'authors'>): string {
  return `Footnote ${number} to “${front.title}” (${front.authors.join(', ')})`;
}

function requireFootnote(footnotes: readonly ImportedFootnote[], number: number, entry: string): ImportedFootnote {
  const found = footnotes.find((footnote) => footnote.number === number);
  if (!found) throw new ImportError(`footnote ${number} is not in entry ${entry}`);
  return found;
}

/** Split off the untitled sections curation names; fails when a break's paragraph is not found. */
function applySectionBreaks(piece: Piece, breaks: CuratedEntry['sectionBreaks'], curationFile: string): void {
  for (const sectionBreak of breaks) {
    const at = piece.sections.findIndex((section) => section.paragraphs.some((paragraph, index) => index > 0 && paragraph.startsWith(sectionBreak.before)));
    const section = piece.sections[at];
    if (!section) {
      throw new ImportError(`${curationFile}: ${piece.spec.id}: sectionBreaks: no paragraph after the first of a section starts "${sectionBreak.before}"`);
    }
    const index = section.paragraphs.findIndex((paragraph, i) => i > 0 && paragraph.startsWith(sectionBreak.before));
    const tablesMoving = section.tablesAfter.map((after) => after >= index);
    const split: PieceSection = {
      heading: null,
      id: sectionBreak.id,
      paragraphs: section.paragraphs.splice(index),
      tables: section.tables.filter((_, i) => tablesMoving[i]),
      tablesAfter: section.tablesAfter.filter((_, i) => tablesMoving[i]).map((after) => after - index),
    };
    section.tables = section.tables.filter((_, i) => !tablesMoving[i]);
    section.tablesAfter = section.tablesAfter.filter((_, i) => !tablesMoving[i]);
    piece.sections.splice(at + 1, 0, split);
  }
}

function buildEntry(piece: Piece, footnotes: ImportedFootnote[], curated: CuratedEntry | undefined, curationFile: string): ImportedEntry {
  applySectionBreaks(piece, curated?.sectionBreaks ?? [], curationFile);
  const ids = sectionIds(piece);
  const sections = piece.sections.map((section) => ({
    heading: section.heading,
    ...(section.id === undefined ? {} : { id: section.id }),
    paragraphs: section.paragraphs.map(bodyText),
  }));
  const tables: Table[] = piece.sections.flatMap((section, index) => section.tables.map((table) => shapeTable(table, ids[index] ?? 'intro')));
  const id = piece.spec.id;

  const firstParagraph = sections[0]?.paragraphs[0];
  const lead = curated?.lead ?? (firstParagraph ? { section: ids[0] ?? 'intro', text: firstSentence(firstParagraph) } : undefined);
  if (!lead) throw new ImportError(`${id}: no text to take a lead definition from`);
  const leadSection = ids.indexOf(lead.section);
  if (leadSection === -1) throw new ImportError(`${curationFile}: ${id}: lead.section "${lead.section}" is not a section (${ids.join(', ')})`);
  if (!sections[leadSection]?.paragraphs.some((paragraph) => paragraph.includes(lead.text))) {
    throw new ImportError(`${curationFile}: ${id}: lead.text is not found verbatim in section "${lead.section}": "${lead.text}"`);
  }

  const authors = curated?.authors ?? piece.headingAuthors;
  if (authors.length === 0) throw new ImportError(`${curationFile}: ${id}: the heading names no author; give "authors"`);
  const front: EntryFrontMatter = {
    id,
    term: curated?.term ?? piece.headingTitle,
    title: curated?.title ?? piece.headingTitle,
    part: piece.spec.part,
    number: piece.spec.number,
    order: piece.order,
    contribution: piece.spec.contribution,
    authors,
    authorVariants: curated?.authorVariants ?? [],
    aliases: curated?.aliases ?? [],
    lead,
    tables,
    translations: [],
    glossary: [],
  };
  const texts: GlossarySourceText[] = [
    ...sections.flatMap((section, index) => section.paragraphs.map((text, paragraph) => ({ section: ids[index] ?? 'intro', paragraph, text }))),
    ...footnotes.map((footnote) => ({ footnote: footnote.number, text: footnote.text })),
  ];
  front.glossary = reviewedGlossary(id, extractGlossary(texts), texts, curated?.glossary, curationFile);
  return { front, body: { sections, footnotes } };
}

/** The extracted glossary with the curation's review applied; fails on a review that names nothing. */
function reviewedGlossary(
  id: string,
  extracted: GlossaryItem[],
  texts: readonly GlossarySourceText[],
  review: CuratedEntry['glossary'],
  curationFile: string,
): GlossaryItem[] {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  for (const term of [...(review?.accept ?? []), ...(review?.reject ?? [])]) {
    if (!extracted.some((item) => same(item.term, term))) {
      throw new ImportError(`${curationFile}: ${id}: glossary: "${term}" is not a term the extractor finds in this entry`);
    }
  }
  const kept = extracted
    .filter((item) => !(review?.reject ?? []).some((term) => same(term, item.term)))
    .map((item): GlossaryItem => ((review?.accept ?? []).some((term) => same(term, item.term)) ? { ...item, review: 'accepted' } : item));
  for (const added of review?.add ?? []) {
    const where = texts.find((source) => source.text.includes(added.text));
    if (!where) throw new ImportError(`${curationFile}: ${id}: glossary: the text added for "${added.term}" is not found verbatim in one paragraph or footnote of this entry`);
    kept.push({
      term: added.term,
      kind: added.kind,
      ...(added.longForm ? { longForm: added.longForm } : {}),
      ...(where.footnote !== undefined ? { footnote: where.footnote } : { section: where.section ?? 'intro', paragraph: where.paragraph ?? 0 }),
      text: added.text,
      footnotes: markersIn(added.text),
      ...(added.quoting ? { quoting: added.quoting } : {}),
      review: 'added',
    });
  }
  // "The OED defines …": the quoted source by the name the entry spells out.
  return kept.map((item) => {
    const spelled = item.quoting ? kept.find((other) => other.kind === 'acronym' && other.term === item.quoting)?.longForm : undefined;
    return spelled ? { ...item, quoting: spelled } : item;
  });
}

function addTranslations(entries: readonly ImportedEntry[], renderingsText: string): void {
  const entry = (id: string): ImportedEntry => {
    const found = entries.find((candidate) => candidate.front.id === id);
    if (!found) throw new ImportError(`no entry ${id}`);
    return found;
  };
  const add = (target: ImportedEntry, translations: Translation[]) => target.front.translations.push(...translations);

  const appendixEntry = entry(TRANSLATION_PLACES.appendix.entry);
  const table = appendixEntry.front.tables.find((candidate) => candidate.id === TRANSLATION_PLACES.appendix.table);
  if (!table) throw new ImportError(`${appendixEntry.front.id}: no table ${TRANSLATION_PLACES.appendix.table}`);
  add(appendixEntry, appendixTranslations(table, appendixEntry.front.authors[0] ?? ''));

  const renderings = parseRenderingsAppendix(renderingsText);
  const renderingsEntry = entry(TRANSLATION_PLACES.renderings.entry);
  if (renderings.translations.some((translation) => translation.concept !== renderingsEntry.front.term.toLowerCase())) {
    throw new ImportError(`the closing renderings page translates "${renderings.heading}", not ${renderingsEntry.front.term}`);
  }
  add(renderingsEntry, renderings.translations);

  const romanizedEntry = entry(TRANSLATION_PLACES.romanized.entry);
  const romanizedNumber = TRANSLATION_PLACES.romanized.footnote;
  const romanized = requireFootnote(romanizedEntry.body.footnotes, romanizedNumber, romanizedEntry.front.id);
  add(romanizedEntry, footnote28Translations(romanized, footnoteLabel(romanizedNumber, romanizedEntry.front)));

  const titleEntry = entry(TRANSLATION_PLACES.title.entry);
  const titleNumber = TRANSLATION_PLACES.title.footnote;
  const titleFootnote = requireFootnote(titleEntry.body.footnotes, titleNumber, titleEntry.front.id);
  // Not a translation the document gives: the Chinese title of a work footnote 125 cites.
  const titleLabel = `Title of the Chinese work cited in footnote ${titleNumber} to “${titleEntry.front.title}” (${titleEntry.front.authors.join(', ')}); not a translation the document gives`;
  add(titleEntry, [footnoteTitleTranslation(titleFootnote, TRANSLATION_PLACES.title.concept, titleLabel)]);
}

/**
 * Imports the document: every entry's file text, with curation merged and checked. Throws
 * ImportError when the document or the curation is not as expected.
 */
export function importDocument(documentText: string, curationText: string, curationFile = 'entries/curation.yaml'): ImportResult {
  const regions = splitDocument(documentText);
  const flow = restoreFlow(layoutItems(readBlocks(regions.body, regions.bodyLine)));
  const pieces = splitPieces(flow.items);
  const footnotes = assignFootnotes(pieces, flow.footnotes);
  const curation = parseCuration(curationText, curationFile, PIECE_SPECS.map((spec) => spec.id));
  checkAliases(curation, documentText, curationFile);

  const entries = pieces.map((piece) => buildEntry(piece, footnotes.get(piece.spec.id) ?? [], curation[piece.spec.id], curationFile));
  addTranslations(entries, regions.renderings);

  const files = new Map<string, string>();
  for (const entry of entries) {
    const checked = EntryFrontMatterSchema.safeParse(entry.front);
    if (!checked.success) throw new ImportError(`${entry.front.id}: generated front-matter is invalid: ${checked.error.issues[0]?.message ?? ''}`);
    files.set(`${entry.front.id}.md`, renderEntryFile(entry.front, entry.body));
  }
  const footnotesAssigned = entries.reduce((sum, entry) => sum + entry.body.footnotes.length, 0);
  return { files, entries, footnotesAssigned, joins: flow.joins };
}
