/**
 * What a reading-room link points at, as an excerpt any surface can preview: the entry, the part
 * of it the anchor names (a section, a paragraph, a footnote, or the lead when there is no anchor),
 * its words verbatim (cut at a word boundary when long) and the footnotes those words cite. Slack's
 * link unfurling renders it; nothing here knows about a platform.
 */
import type { Entry } from '../core/entry.js';
import type { Lexicon } from '../core/lexicon.js';
import type { Citation } from '../core/reply.js';
import { authorsText, citationOf, pieceLabel } from '../core/entry-views.js';
import { plainText, renderedMarkers } from '../core/render-text.js';
import { paragraphAnchors } from '../core/anchors.js';
import type { WebSettings } from './access.js';

/** Longest excerpt, in characters, before it is cut. */
export const LINK_EXCERPT_MAX = 700;

/** A preview of the page (part) a link points at. */
export interface LinkExcerpt {
  /** The link as given. */
  url: string;
  entryId: string;
  /** "Empathy › Confidence", "Trust, note 28", or the entry's term. */
  title: string;
  /** "David A. Welch · II.5A Empathy, Part I: …". */
  byline: string;
  authors: string[];
  /** The authors' words (or the note's), verbatim, with footnote markers as superscript digits. */
  text: string;
  /** True when the excerpt is a footnote rather than the running text. */
  isNote: boolean;
  /** The footnotes the excerpt cites. */
  footnotes: Citation[];
}

/**
 * The excerpt a reading-room link points at, or undefined when the link is not one of ours (another
 * host) or not an entry page (home, search), or names no entry.
 */
export function excerptOfLink(lexicon: Lexicon, settings: Pick<WebSettings, 'publicUrl'>, link: string): LinkExcerpt | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(settings.publicUrl);
  } catch {
    return undefined;
  }
  if (url.host !== base.host) return undefined;
  const id = /^\/entries\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(url.pathname)?.[1];
  const entry = id ? lexicon.entry(id) : undefined;
  if (!entry) return undefined;
  const anchor = decodeURIComponent(url.hash.replace(/^#/, ''));
  const part = partOf(entry, anchor);
  const text = cut(part.text, LINK_EXCERPT_MAX);
  const cited = part.isNote ? [] : renderedMarkers(text);
  return {
    url: link,
    entryId: entry.id,
    title: part.title,
    byline: `${authorsText(entry.authors)} · ${pieceLabel(entry)}`,
    authors: [...entry.authors],
    text,
    isNote: part.isNote,
    footnotes: cited.flatMap((number) => citationOf(entry, number) ?? []),
  };
}

function partOf(entry: Entry, anchor: string): { title: string; text: string; isNote: boolean } {
  const note = /^fn(?:ref)?-(\d+)(?:-\d+)?$/.exec(anchor);
  if (note) {
    const footnote = entry.footnotes.find((f) => f.number === Number(note[1]));
    if (footnote) return { title: `${entry.term}, note ${footnote.number}`, text: plainText(footnote.text), isNote: true };
  }
  const anchors = paragraphAnchors(entry);
  for (const [s, section] of entry.sections.entries()) {
    const sectionTitle = section.heading ? `${entry.term} › ${plainText(section.heading)}` : entry.term;
    const p = anchors[s]?.indexOf(anchor) ?? -1;
    if (p !== -1) return { title: sectionTitle, text: plainText(section.paragraphs[p] ?? ''), isNote: false };
    if (section.id === anchor) return { title: sectionTitle, text: plainText(section.paragraphs.join('\n\n')), isNote: false };
  }
  // No anchor (or one we do not know): the entry's lead definition.
  return { title: entry.term, text: plainText(entry.lead.text), isNote: false };
}

/** At most `max` characters, cut after a sentence or at a word boundary, with "…". */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.” '), head.lastIndexOf('。'));
  if (sentence > max * 0.6) return head.slice(0, sentence + 1).trimEnd() + ' …';
  const space = head.lastIndexOf(' ');
  return (space > max * 0.6 ? head.slice(0, space) : head).trimEnd() + '…';
}
