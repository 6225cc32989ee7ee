/**
 * Cuts the running text into the document's pieces (one per entry) and each piece into its
 * sections. Piece headings ("3. Trust (prepared by JagaaMenduul)", "**5B. …, prepared by David
 * Welch**") start a piece; part headings ("II. CANADIAN CONTRIBUTIONS") change the part; every
 * other heading inside a piece starts a section.
 */
import { ImportError } from './errors.js';
import type { FlowItem, FlowTable } from './flow.js';

/** The document's three parts: overview, Canadian and Chinese contributions. */
export type Part = 'I' | 'II' | 'III';

/** The fixed entry ids (other tools rely on them), by part and number in the document. */
export interface PieceSpec {
  id: string;
  part: Part;
  number: string;
  contribution: string;
}

const OVERVIEW = 'Overview';
const CANADIAN = 'Canadian Contributions';
const CHINESE = 'Chinese Contributions';

/** The 13 pieces in document order. */
export const PIECE_SPECS: readonly PieceSpec[] = [
  { id: 'cooperative-security-2-0', part: 'I', number: '', contribution: OVERVIEW },
  { id: 'self-restraint', part: 'II', number: '1', contribution: CANADIAN },
  { id: 'reassurance', part: 'II', number: '2', contribution: CANADIAN },
  { id: 'trust', part: 'II', number: '3', contribution: CANADIAN },
  { id: 'trust-building-measures', part: 'II', number: '4', contribution: CANADIAN },
  { id: 'empathy', part: 'II', number: '5A', contribution: CANADIAN },
  { id: 'threat-perception-gap', part: 'II', number: '5B', contribution: CANADIAN },
  { id: 'consociational-security-order', part: 'II', number: '6', contribution: CANADIAN },
  { id: 'maritime-cooperation-roadmap', part: 'II', number: '7', contribution: CANADIAN },
  { id: 'community-of-human-destiny', part: 'III', number: '1', contribution: CHINESE },
  { id: 'national-core-interests', part: 'III', number: '2', contribution: CHINESE },
  { id: 'opportunity-engineering', part: 'III', number: '3', contribution: CHINESE },
  { id: 'new-model-of-major-power-relations', part: 'III', number: '4', contribution: CHINESE },
];

/** A piece's opening paragraphs or one of its headed sections. */
export interface PieceSection {
  /** The heading as written, or null for the paragraphs before the first heading. */
  heading: string | null;
  /** Set for an untitled section that curation splits off after a heading. */
  id?: string;
  paragraphs: string[];
  tables: FlowTable[];
  /** For each table, how many of the section's paragraphs come before it. */
  tablesAfter: number[];
}

/** One piece of the document, the material of one entry. */
export interface Piece {
  spec: PieceSpec;
  /** 1-based position in the document. */
  order: number;
  /** The piece heading as written, e.g. "3. Trust (prepared by JagaaMenduul)". */
  heading: string;
  /** The title the heading gives, without number and "prepared by". */
  headingTitle: string;
  /** The author names the heading gives, as written. */
  headingAuthors: string[];
  sections: PieceSection[];
}

const PART_HEADING = /^(I|II|III)\.\s+(.+)$/;
const PIECE_HEADING = /^(\d+[A-Z]?)\.\s+(.+)$/;

/** "Trust (prepared by JagaaMenduul)" → title "Trust", authors ["JagaaMenduul"]. */
export function splitPieceHeading(rest: string): { title: string; authors: string[] } {
  const match = /^(.*?)(?:\s*\(prepared by ([^)]+)\)|,\s*prepared by (.+))$/.exec(rest);
  if (!match) return { title: rest, authors: [] };
  const by = (match[2] ?? match[3] ?? '').replace(/\s+and excerpted from .*$/, '');
  return { title: (match[1] ?? rest).trim(), authors: by.split(/\s+and\s+/).map((name) => name.trim()).filter(Boolean) };
}

/** The pieces of the running text, in document order. */
export function splitPieces(items: readonly FlowItem[]): Piece[] {
  const pieces: Piece[] = [];
  let part: Part | undefined;
  let piece: Piece | undefined;
  let section: PieceSection | undefined;

  const start = (spec: PieceSpec, heading: string, title: string, authors: string[]) => {
    if (pieces.some((existing) => existing.spec.id === spec.id)) throw new ImportError(`piece "${spec.id}" starts twice (heading "${heading}")`);
    piece = { spec, order: pieces.length + 1, heading, headingTitle: title, headingAuthors: authors, sections: [] };
    section = undefined;
    pieces.push(piece);
  };

  for (const item of items) {
    if (item.kind === 'heading') {
      const partHeading = PART_HEADING.exec(item.text);
      if (partHeading) {
        part = partHeading[1] as Part;
        const overview = PIECE_SPECS.find((spec) => spec.part === part && spec.number === '');
        if (overview) start(overview, item.text, partHeading[2] ?? item.text, []);
        else piece = undefined;
        continue;
      }
      const pieceHeading = PIECE_HEADING.exec(item.text);
      if (pieceHeading && part) {
        const spec = PIECE_SPECS.find((candidate) => candidate.part === part && candidate.number === pieceHeading[1]);
        if (!spec) throw new ImportError(`line ${item.line}: no entry id for piece ${part}.${pieceHeading[1]} ("${item.text}")`);
        const { title, authors } = splitPieceHeading(pieceHeading[2] ?? '');
        start(spec, item.text, title, authors);
        continue;
      }
      if (!piece) throw new ImportError(`line ${item.line}: heading "${item.text}" outside any piece`);
      section = { heading: item.text, paragraphs: [], tables: [], tablesAfter: [] };
      piece.sections.push(section);
      continue;
    }
    if (!piece) {
      throw new ImportError(`line ${item.line}: text outside any piece: "${item.kind === 'paragraph' ? item.text.slice(0, 60) : 'table'}"`);
    }
    if (!section) {
      section = { heading: null, paragraphs: [], tables: [], tablesAfter: [] };
      piece.sections.push(section);
    }
    if (item.kind === 'paragraph') section.paragraphs.push(item.text);
    else {
      section.tables.push(item);
      section.tablesAfter.push(section.paragraphs.length);
    }
  }

  const missing = PIECE_SPECS.filter((spec) => !pieces.some((found) => found.spec.id === spec.id));
  if (missing.length > 0) throw new ImportError(`pieces not found in the document: ${missing.map((spec) => spec.id).join(', ')}`);
  return pieces;
}
