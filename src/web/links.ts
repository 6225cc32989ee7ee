/**
 * From chat to the page: the signed address of the exact place an answer quotes (a paragraph, a
 * section, a footnote, or the entry), made by the adapters when they render a reply's link.
 */
import type { Lexicon } from '../core/lexicon.js';
import { readingRoomUrl, type WebSettings } from './access.js';
import { footnoteAnchor, paragraphAnchor, sectionAnchor } from './anchors.js';
import { entryPath } from './paths.js';

/** A place in the reading room, in the document's own terms. */
export interface PageTarget {
  entryId: string;
  sectionId?: string;
  /** 0-based, within the section. */
  paragraphIndex?: number;
  footnote?: number;
}

/** The anchor of a target: its paragraph, else its footnote, else its section; none for a whole entry. */
export function anchorOfTarget(lexicon: Lexicon, target: PageTarget): string | undefined {
  const entry = lexicon.entry(target.entryId);
  if (!entry) return undefined;
  if (target.sectionId !== undefined && target.paragraphIndex !== undefined) {
    const anchor = paragraphAnchor(entry, target.sectionId, target.paragraphIndex);
    if (anchor) return anchor;
  }
  if (target.footnote !== undefined) return footnoteAnchor(target.footnote);
  if (target.sectionId !== undefined && entry.sections.some((section) => section.id === target.sectionId)) return sectionAnchor(target.sectionId);
  return undefined;
}

/** Makes signed reading-room addresses for chat answers. */
export type PageLinker = (target: PageTarget) => string;

/** A linker over a lexicon and the reading room's settings. */
export function pageLinker(lexicon: Lexicon, settings: WebSettings): PageLinker {
  return (target) => readingRoomUrl(settings, entryPath(target.entryId), anchorOfTarget(lexicon, target));
}
