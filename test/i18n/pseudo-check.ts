/**
 * The pseudo-locale check shared by the surface tests: what of a rendering is neither marked ⟦…⟧
 * (it came through the catalog) nor the document's own words (taken from the document's data).
 */
import type { Entry } from '../../src/core/entry.js';
import { apaCitation, chicagoCitation } from '../../src/core/citation-styles.js';
import { pieceLabel } from '../../src/core/entry-views.js';
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../src/i18n/pseudo.js';

/** Words only, lower case, one space apart: what survives wrapping, quoting bars, escapes and markup on any surface. */
export function skeleton(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
    .toLowerCase();
}

/** An entry's own words: names, titles, authors, headings, glossary, and its reference as a bibliography gives it (in the document's English). */
export function entryTexts(entry: Entry): string[] {
  return [
    entry.id,
    entry.term,
    entry.title,
    entry.contribution,
    entry.part,
    entry.number ?? '',
    pieceLabel(entry),
    ...entry.authors,
    ...entry.sections.flatMap((s) => [s.id, s.heading ?? '']),
    ...entry.glossary.flatMap((g) => [g.term, g.longForm ?? '', g.quoting ?? '']),
    ...entry.tables.map((t) => t.caption),
    chicagoCitation(entry),
    apaCitation(entry),
  ];
}

/** What is left of a rendering once the marked catalog text and the verbatim parts are taken out. */
export function unmarked(rendered: string, verbatim: readonly string[]): string[] {
  const pieces = rendered.split(new RegExp(`${PSEUDO_OPEN}[^${PSEUDO_CLOSE}]*${PSEUDO_CLOSE}`, 'u'));
  const skeletons = [...new Set(verbatim.map(skeleton).filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const padded = skeletons.map((known) => ` ${known} `);
  const whole = new Set(skeletons);
  const left: string[] = [];
  for (const piece of pieces) {
    const words = skeleton(piece).split(' ').filter(Boolean);
    let unknown: string[] = [];
    for (let i = 0; i < words.length; ) {
      // The longest run of words from here that is a whole verbatim text, or a piece of one at least
      // 12 letters long (a quote or footnote split or clipped to fit a platform limit).
      let candidates = padded;
      let matched = 0;
      for (let j = i + 1; j <= words.length && candidates.length > 0; j++) {
        const phrase = words.slice(i, j).join(' ');
        candidates = candidates.filter((known) => known.includes(` ${phrase} `));
        if (candidates.length > 0 && (whole.has(phrase) || phrase.length >= 12)) matched = j - i;
      }
      if (matched > 0) {
        if (unknown.length > 0) left.push(unknown.join(' '));
        unknown = [];
        i += matched;
      } else {
        unknown.push(words[i]!);
        i += 1;
      }
    }
    if (unknown.length > 0) left.push(unknown.join(' '));
  }
  return left;
}
