/**
 * Stable anchors for the reading room and the links chat answers carry: every section, paragraph
 * and footnote of an entry gets an id derived from the document itself (section ids, a hash of the paragraph's words, footnote
 * numbers), never from a running counter, so that `/entries/trust#fn-28` or a paragraph link shared
 * in chat still lands on the same words after the document is re-imported unchanged, and a
 * paragraph keeps its anchor even if another paragraph is added before it.
 */
import { createHash } from 'node:crypto';
import type { Entry } from './entry.js';

/** `fn-28`: the footnote's own anchor (the note at the foot of the page). */
export function footnoteAnchor(number: number): string {
  return `fn-${number}`;
}

/** `fnref-28`, `fnref-28-2` for its second marker: where the text cites the footnote. */
export function footnoteReferenceAnchor(number: number, occurrence = 1): string {
  return occurrence === 1 ? `fnref-${number}` : `fnref-${number}-${occurrence}`;
}

/** `confidence`: a section's anchor is its id (the slug of its heading, `intro` for the opening). */
export function sectionAnchor(sectionId: string): string {
  return sectionId;
}

/** The first six hex digits of the SHA-256 of a paragraph's words (whitespace-normalised). */
function paragraphDigest(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex').slice(0, 6);
}

/** Anchors computed once per entry object (entries are immutable once loaded). */
const computed = new WeakMap<object, string[][]>();

/**
 * Every paragraph's anchor, section by section: `confidence-p-3f9a2c` (section id, then a digest of
 * the paragraph's words). Identical paragraphs within one entry get `-2`, `-3` in text order.
 */
export function paragraphAnchors(entry: Pick<Entry, 'sections'>): string[][] {
  let anchors = computed.get(entry);
  if (!anchors) {
    anchors = computeParagraphAnchors(entry);
    computed.set(entry, anchors);
  }
  return anchors;
}

function computeParagraphAnchors(entry: Pick<Entry, 'sections'>): string[][] {
  const used = new Map<string, number>();
  return entry.sections.map((section) =>
    section.paragraphs.map((text) => {
      const base = `${section.id}-p-${paragraphDigest(text)}`;
      const seen = (used.get(base) ?? 0) + 1;
      used.set(base, seen);
      return seen === 1 ? base : `${base}-${seen}`;
    }),
  );
}

/** The anchor of one paragraph, by section id and index, if it exists. */
export function paragraphAnchor(entry: Pick<Entry, 'sections'>, sectionId: string, paragraphIndex: number): string | undefined {
  const index = entry.sections.findIndex((section) => section.id === sectionId);
  if (index === -1) return undefined;
  return paragraphAnchors(entry)[index]?.[paragraphIndex];
}
