/**
 * From chat to the page: the signed address of the exact place an answer quotes (a paragraph, a
 * section, a footnote, or the entry), made by the adapters when they render a reply's link.
 */
import type { Lexicon } from '../core/lexicon.js';
import type { ReplyLink } from '../core/reply.js';
import { readingRoomUrl, signToken, type WebSettings } from './access.js';
import { footnoteAnchor, paragraphAnchor, sectionAnchor } from '../core/anchors.js';
import { entryPath } from './paths.js';

/** A place in the reading room, in the document's own terms (what a reply's `link` holds). */
export type PageTarget = ReplyLink;

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
export interface PageLinker {
  /** The signed address of a place. */
  href(target: PageTarget): string;
  /**
   * Changes when the links change (the token's expiry moves on each hour): adapters that cache
   * rendered answers key them with it, so a cached answer never carries a stale link.
   */
  epoch(): string;
}

/** A linker over a lexicon and the reading room's settings. */
export function pageLinker(lexicon: Lexicon, settings: WebSettings): PageLinker {
  return {
    href: (target) => readingRoomUrl(settings, entryPath(target.entryId), anchorOfTarget(lexicon, target)),
    epoch: () => (settings.access === 'open' ? '' : signToken(settings).split('.')[0] ?? ''),
  };
}
