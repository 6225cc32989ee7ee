/**
 * The three regions of the source document: the title page and contents (not imported), the
 * running text of the pieces, and the closing page of Chinese renderings prepared by Jiang Wenran,
 * which belongs to no piece's body.
 */
import { ImportError } from './errors.js';

/** The parts of the document the importer reads. */
export interface DocumentRegions {
  /** The running text, from the overview heading up to the closing renderings page. */
  body: string;
  /** 1-based document line number of the body's first line. */
  bodyLine: number;
  /** The closing renderings page, from "Prepared by …" to the end. */
  renderings: string;
}

/** The overview heading; the contents list before it repeats it in other words. */
const BODY_START = /^#{1,6}\s+\**I\.\s+\S+/;
const RENDERINGS_START = /^Prepared by Professor /;

/** Finds the running text and the closing renderings page in the document. */
export function splitDocument(text: string): DocumentRegions {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const starts = lines.flatMap((line, index) => (BODY_START.test(line) ? [index] : []));
  // The first match is the contents list's "I. Overview (…)"; the running text starts at the last.
  const start = starts.at(-1);
  const end = lines.findIndex((line) => RENDERINGS_START.test(line));
  if (start === undefined || end === -1 || end < start) {
    throw new ImportError('the document has no overview heading ("I. …") followed by a closing "Prepared by Professor …" page');
  }
  return { body: lines.slice(start, end).join('\n'), bodyLine: start + 1, renderings: lines.slice(end).join('\n') };
}
