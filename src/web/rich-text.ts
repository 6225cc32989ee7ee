/**
 * An entry's raw paragraph text (footnote markers `[^N]`, emphasis, escapes, links) as escaped
 * HTML: emphasis as <em>, footnote markers as superscript links to the notes (each with its own
 * anchor, so a note can link back), URLs as links, and search hits as <mark>. The words are those
 * of `renderText`, the one rendering every surface quotes from.
 */
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Highlight } from '../core/reply.js';
import { renderText } from '../core/render-text.js';
import { footnoteAnchor, footnoteReferenceAnchor } from '../core/anchors.js';
import type { Translator } from '../i18n/translator.js';
import { markup } from './markup.js';

/** How footnote markers are shown. */
export type MarkerStyle =
  /** Linked to `#fn-N`, with an anchor of its own (`fnref-N`, `fnref-N-2`): the entry page. */
  | { kind: 'linked'; occurrences: Map<number, number> }
  /** Linked to the note on another page, e.g. `/entries/trust#fn-28` (search results). */
  | { kind: 'to-page'; path: string }
  /** Superscript digits only. */
  | { kind: 'plain' };

export interface RichTextOptions {
  markers: MarkerStyle;
  /** The reader's language, for what the page says about a marker ("Note 28"). */
  tr: Translator;
  /** Ranges of the raw text to mark (search hits). */
  highlights?: readonly Highlight[];
}

interface Run {
  start: number;
  end: number;
  em: boolean;
  mark: boolean;
  footnote?: number;
  url?: string;
}

/** URLs in rendered text; trailing sentence punctuation is not part of the link. */
const URL_PATTERN = /https?:\/\/[^\s<>"“”‘’]+[^\s<>"“”‘’.,;:!?)\]}]/g;

/** Render raw entry text to escaped HTML. */
export function richText(raw: string, options: RichTextOptions): HtmlEscapedString {
  const rendered = renderText(raw);
  const text = rendered.text;
  const at = (rawIndex: number) => rendered.offsets[rawIndex] ?? text.length;

  const footnotes: { start: number; end: number; number: number }[] = [];
  for (const match of raw.matchAll(/\[\^(\d+)\]/g)) {
    footnotes.push({ start: at(match.index), end: at(match.index + match[0].length), number: Number(match[1]) });
  }
  const marks = (options.highlights ?? []).map(([start, end]): Highlight => [at(start), at(end)]);
  const urls: { start: number; end: number; url: string }[] = [];
  for (const match of text.matchAll(URL_PATTERN)) urls.push({ start: match.index, end: match.index + match[0].length, url: match[0] });

  const cuts = new Set<number>([0, text.length]);
  for (const [start, end] of [...rendered.emphasis, ...marks]) cuts.add(start).add(end);
  for (const { start, end } of [...footnotes, ...urls]) cuts.add(start).add(end);
  const points = [...cuts].filter((point) => point >= 0 && point <= text.length).sort((a, b) => a - b);

  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    const covers = ([s, e]: readonly [number, number]) => s <= start && end <= e;
    const run: Run = { start, end, em: rendered.emphasis.some(covers), mark: marks.some(covers) };
    const footnote = footnotes.find((f) => f.start <= start && end <= f.end);
    if (footnote) run.footnote = footnote.number;
    const url = urls.find((u) => u.start <= start && end <= u.end);
    if (url) run.url = url.url;
    const last = runs[runs.length - 1];
    if (last && last.em === run.em && last.mark === run.mark && last.footnote === undefined && run.footnote === undefined && last.url === run.url) {
      last.end = end;
    } else {
      runs.push(run);
    }
  }

  const pieces: HtmlEscapedString[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (run.url !== undefined) {
      // A link is one piece, whatever emphasis its characters carry.
      let end = run.end;
      while (runs[i + 1]?.url === run.url && runs[i + 1]?.start === end) end = runs[++i]!.end;
      pieces.push(markup`<a href="${run.url}" rel="noreferrer noopener" class="ext">${text.slice(run.start, end)}</a>`);
      continue;
    }
    const words = text.slice(run.start, run.end);
    let piece = run.footnote !== undefined ? marker(run.footnote, options.markers, options.tr) : markup`${words}`;
    if (run.em) piece = markup`<em>${piece}</em>`;
    if (run.mark) piece = markup`<mark>${piece}</mark>`;
    pieces.push(piece);
  }
  return markup`${pieces}`;
}

function marker(number: number, style: MarkerStyle, tr: Translator): HtmlEscapedString {
  const label = tr.t('web.noteMarker', { number: String(number) });
  switch (style.kind) {
    case 'linked': {
      const occurrence = (style.occurrences.get(number) ?? 0) + 1;
      style.occurrences.set(number, occurrence);
      return markup`<sup class="fnref"><a href="#${footnoteAnchor(number)}" id="${footnoteReferenceAnchor(number, occurrence)}" aria-label="${label}">${number}</a></sup>`;
    }
    case 'to-page':
      return markup`<sup class="fnref"><a href="${style.path}#${footnoteAnchor(number)}" aria-label="${label}">${number}</a></sup>`;
    case 'plain':
      return markup`<sup>${number}</sup>`;
  }
}
