/**
 * Renders the core's Reply as terminal text: a pure function of the reply, the colour setting and
 * the width. Quotes (the authors' words) get a bar, search hits are bold, tables are aligned, and
 * every line fits the width. All text is cleaned of control characters before it is printed.
 */
import type { Highlight, Reply, TextPart } from '../../core/reply.js';
import { cleanForTerminal, painter, type Painter } from './ansi.js';
import { fieldsToShow, translationsBySource } from '../../core/entry-views.js';
import { renderTable } from './table.js';
import { displayWidth, wrapHanging as hanging, wrapRanges, wrapText } from './text-width.js';

export interface TerminalRenderOptions {
  /** Use ANSI colours and bold (only on a TTY without NO_COLOR). */
  color: boolean;
  /** Terminal width in cells. */
  width: number;
  /** Name the console's follow-up commands (/next, /prev, /sources, /more); default true. */
  followUpHints?: boolean;
}

/** Narrowest layout we attempt; below this, lines may exceed the width. */
const MIN_WIDTH = 20;
const QUOTE_BAR = '│ ';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Render a reply for a terminal; the result has no trailing newline. */
export function renderReplyForTerminal(reply: Reply, options: TerminalRenderOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width));
  const paint = painter(options.color);
  const blocks: string[][] = [];

  const isError = reply.kind === 'error' || reply.kind === 'usage-error';
  const head = wrapText(clean(reply.title), width).map((line) => paint(line, 'bold', isError ? 'red' : 'cyan'));
  if (reply.subtitle) head.push(...wrapText(clean(reply.subtitle), width).map((line) => paint(line, 'dim')));
  blocks.push(head);

  for (const part of reply.parts) blocks.push(renderPart(part, width, paint));
  // The core usually shows search results as parts too; `results` alone is drawn only when it does not.
  if (reply.results && reply.results.length > 0 && reply.parts.length === 0) blocks.push(renderResults(reply, width, paint));
  if (fieldsToShow(reply).length > 0) blocks.push(renderFields(reply, width, paint));
  if (reply.translations.length > 0) blocks.push(renderTranslations(reply, width, paint));
  if (reply.citations.length > 0) blocks.push(renderCitations(reply, width, paint));

  const pointers: string[] = [];
  if (reply.seeAlso && reply.seeAlso.length > 0) {
    pointers.push(...hanging('See also: ', reply.seeAlso.map((view) => clean(view.label)).join(', '), width, '  '));
  }
  const suggestions = suggestionLabels(reply);
  if (suggestions.length > 0) {
    pointers.push(...hanging('Did you mean: ', `${suggestions.join(', ')}?`, width, '  ').map((line) => paint(line, 'yellow')));
  }
  const hintsWanted = options.followUpHints ?? true;
  const pageLine = pagingLine(reply, hintsWanted);
  if (pageLine) pointers.push(...wrapText(pageLine, width).map((line) => paint(line, 'bold')));
  const hints = hintsWanted ? actionHints(reply) : undefined;
  if (hints) pointers.push(...wrapText(hints, width).map((line) => paint(line, 'dim')));
  if (pointers.length > 0) blocks.push(pointers);

  if (reply.notice) blocks.push(wrapText(clean(reply.notice), width).map((line) => paint(line, 'dim')));

  return blocks
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'))
    .join('\n\n');
}

function clean(text: string): string {
  return cleanForTerminal(text);
}

function renderPart(part: TextPart, width: number, paint: Painter): string[] {
  switch (part.kind) {
    case 'quote':
      return quoteLines(clean(part.text), part.highlights ?? [], width, paint, '');
    case 'text':
      return wrapText(clean(part.text), width);
    case 'heading':
      return wrapText(clean(part.text), width).map((line) => paint(line, 'bold'));
    case 'table':
      return renderTable(
        {
          caption: clean(part.caption),
          columns: part.columns.map(clean),
          rows: part.rows.map((row) => row.map(clean)),
          ...(part.note === undefined ? {} : { note: clean(part.note) }),
        },
        width,
        paint,
      );
  }
}

/** A block quote: each wrapped line behind a bar, with highlighted ranges in bold. */
function quoteLines(text: string, highlights: Highlight[], width: number, paint: Painter, indent: string): string[] {
  const bar = paint(QUOTE_BAR, 'dim');
  // Blank lines between paragraphs keep the bar, so a quote reads as one block.
  return wrapRanges(text, width - indent.length - QUOTE_BAR.length).map(([start, end]) =>
    start === end ? indent + paint(QUOTE_BAR.trimEnd(), 'dim') : indent + bar + emphasise(text, start, end, highlights, paint),
  );
}

/** The text between `start` and `end`, with the parts inside highlight ranges painted bold. */
function emphasise(text: string, start: number, end: number, highlights: Highlight[], paint: Painter): string {
  const cuts = highlights
    .map(([from, to]): Highlight => [Math.max(from, start), Math.min(to, end)])
    .filter(([from, to]) => from < to)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = start;
  for (const [from, to] of cuts) {
    if (to <= cursor) continue;
    const begin = Math.max(from, cursor);
    out += text.slice(cursor, begin) + paint(text.slice(begin, to), 'bold');
    cursor = to;
  }
  return out + text.slice(cursor, end);
}

function renderResults(reply: Reply, width: number, paint: Painter): string[] {
  const lines: string[] = [];
  (reply.results ?? []).forEach((result, index) => {
    if (index > 0) lines.push('');
    const number = `${index + 1}. `;
    const authors = result.authors.length > 0 ? ` — ${result.authors.join(', ')}` : '';
    const heading = hanging(number, clean(result.entryTitle + authors), width, ' '.repeat(number.length));
    lines.push(...heading.map((line) => paint(line, 'bold')));
    lines.push(...quoteLines(clean(result.excerpt), result.highlights, width, paint, ' '.repeat(number.length)));
  });
  return lines;
}

function renderFields(reply: Reply, width: number, paint: Painter): string[] {
  return fieldsToShow(reply).flatMap((field) => {
    const label = `${clean(field.name)}: `;
    return hanging(label, clean(field.value), width, '  ', (text) => paint(text, 'bold'));
  });
}

/** Translations under their provenance: each source named once, above the renderings it records. */
function renderTranslations(reply: Reply, width: number, paint: Painter): string[] {
  const lines = [paint('Translations', 'bold')];
  for (const { source, translations } of translationsBySource(reply.translations)) {
    lines.push(...hanging('  Source: ', clean(source), width, '    ').map((line) => paint(line, 'dim')));
    for (const view of translations) {
      const rendering = [view.text, view.romanization && view.text ? `(${view.romanization})` : view.romanization]
        .filter((piece): piece is string => Boolean(piece))
        .join(' ');
      lines.push(...hanging(`  ${clean(view.concept)} · ${clean(view.languageName)} [${view.language}]: `, clean(rendering), width, '      '));
      if (view.glosses && view.glosses.length > 0) {
        const glosses = view.glosses.map((gloss) => `${gloss.word} = ${gloss.meaning}`).join('; ');
        lines.push(...hanging('      ', clean(glosses), width, '      '));
      }
    }
  }
  return lines;
}

function renderCitations(reply: Reply, width: number, paint: Painter): string[] {
  const lines = [paint('Footnotes', 'bold')];
  for (const citation of reply.citations) {
    const marker = superscript(citation.number) + ' ';
    const text = clean(citation.text);
    // Compare URLs against the text with Markdown escapes (`\_`) undone, as the URLs have them.
    const unescaped = text.replace(/\\([\\_*[\]()#~`])/g, '$1');
    const indent = ' '.repeat(displayWidth(marker));
    lines.push(...hanging(marker, text, width, indent));
    for (const url of citation.urls) {
      if (!unescaped.includes(url)) lines.push(...hanging(indent, clean(url), width, indent));
    }
  }
  return lines;
}

/** A footnote number in superscript digits, as the document marks it: 12 → "¹²". */
export function superscript(number: number): string {
  return String(number)
    .split('')
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)] ?? digit)
    .join('');
}

function suggestionLabels(reply: Reply): string[] {
  if (reply.suggestionViews.length > 0) return reply.suggestionViews.map((view) => clean(view.label));
  return reply.suggestions.map(clean);
}

function pagingLine(reply: Reply, withCommands: boolean): string | undefined {
  const { index, count } = reply.page;
  if (count <= 1) return undefined;
  if (!withCommands) return `Page ${index} of ${count}`;
  const moves = [index < count ? '/next' : undefined, index > 1 ? '/prev' : undefined].filter(Boolean);
  return `Page ${index} of ${count} — type ${moves.join(' or ')}`;
}

/** Console commands that replay this reply's follow-up actions (paging is on its own line). */
function actionHints(reply: Reply): string | undefined {
  const kinds = new Set(reply.actions.map((action) => action.kind));
  const hints: string[] = [];
  // The console already prints the footnotes a reply cites; /sources adds how to cite the piece.
  if (kinds.has('sources')) hints.push(reply.citations.length > 0 ? '/sources for how to cite it' : '/sources for the footnotes and how to cite it');
  if (kinds.has('expand')) hints.push('/more for the full text');
  return hints.length > 0 ? `Type ${hints.join(', ')}.` : undefined;
}
