/**
 * From chat to the page: the signed address of the exact place an answer quotes (a paragraph, a
 * footnote, a section, or the entry), made by the Discord and Slack adapters when they render a
 * reply, only when WEB_PUBLIC_URL says where people reach the reading room.
 */
import type { Config } from '../config.js';
import { footnoteAnchor, paragraphAnchor, sectionAnchor } from '../core/anchors.js';
import type { Lexicon } from '../core/lexicon.js';
import type { PagePlace } from '../core/reply.js';
import { readingRoomUrl, webSettings, type WebSettings } from './access.js';
import { entryPath } from './paths.js';

/** The anchor of a place: its paragraph, else its footnote, else its section; none for a whole entry. */
export function anchorOfPlace(lexicon: Lexicon, place: PagePlace): string | undefined {
  const entry = lexicon.entry(place.entryId);
  if (!entry) return undefined;
  if (place.sectionId !== undefined && place.paragraphIndex !== undefined) {
    const anchor = paragraphAnchor(entry, place.sectionId, place.paragraphIndex);
    if (anchor) return anchor;
  }
  if (place.footnote !== undefined && entry.footnotes.some((footnote) => footnote.number === place.footnote)) return footnoteAnchor(place.footnote);
  if (place.sectionId !== undefined && entry.sections.some((section) => section.id === place.sectionId)) return sectionAnchor(place.sectionId);
  return undefined;
}

/** The signed reading-room address of a place; undefined for an entry the lexicon does not have. */
export type PageLinker = (place: PagePlace) => string | undefined;

/** A linker over a lexicon and the reading room's settings. */
export function pageLinker(lexicon: Lexicon, settings: WebSettings): PageLinker {
  return (place) => (lexicon.entry(place.entryId) ? readingRoomUrl(settings, entryPath(place.entryId), anchorOfPlace(lexicon, place)) : undefined);
}

/** The linker the configuration asks for: one when WEB_PUBLIC_URL is set, none otherwise (a link to localhost helps nobody in chat). */
export function configuredPageLinker(config: Config, lexicon: Lexicon): PageLinker | undefined {
  return config.WEB_PUBLIC_URL ? pageLinker(lexicon, webSettings(config)) : undefined;
}
