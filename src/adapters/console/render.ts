/**
 * Renders the core's Reply as terminal text: a pure function of the reply, the colour setting and
 * the width. Quotes (the authors' words) get a bar, search hits are bold, tables are aligned, and
 * every line fits the width. All text is cleaned of control characters before it is printed.
 */
import { citationsOf, type Block, type Citation, type Highlight, type Prose, type Reply, type SearchResultView, type TranslationView } from '../../core/reply.js';
import { blockText, proseText } from '../../core/reply-text.js';
import { cleanForTerminal, painter, type Painter } from './ansi.js';
import { translationsBySource } from '../../core/entry-views.js';
import { renderTable } from './table.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { languageName } from '../../i18n/words.js';
import { displayWidth, wrapHanging as hanging, wrapRanges, wrapText } from './text-width.js';

export interface TerminalRenderOptions {
  /** Use ANSI colours and bold (only on a TTY without NO_COLOR). */
  color: boolean;
  /** Terminal width in cells. */
  width: number;
  /** Name the console's follow-up commands (/next, /prev, /sources); default true. */
  followUpHints?: boolean;
  /** Said in place of the page line when given (the one-shot CLI says how to ask for the next page). */
  pagingLine?: string;
}

/** Narrowest layout we attempt; below this, lines may exceed the width. */
const MIN_WIDTH = 20;
const QUOTE_BAR = '│ ';
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Render a reply for a terminal; the result has no trailing newline. */
export function renderReplyForTerminal(reply: Reply, options: TerminalRenderOptions): string {
  const width = Math.max(MIN_WIDTH, Math.floor(options.width));
  const paint = painter(options.color);
  // Our own words in the reply's language; the authors' words, titles and footnotes as they are.
  const tr = createTranslator(reply.locale);
  const blocks: string[][] = [];

  const isError = reply.kind === 'error' || reply.kind === 'usage-error';
  const head = wrapText(clean(reply.title), width).map((line) => paint(line, 'bold', isError ? 'red' : 'cyan'));
  if (reply.subtitle) head.push(...wrapText(clean(reply.subtitle), width).map((line) => paint(line, 'dim')));
  blocks.push(head);

  for (const block of reply.blocks) blocks.push(renderBlock(block, width, paint, tr));

  const pointers: string[] = [];
  const hintsWanted = options.followUpHints ?? true;
  const pageLine = (reply.page.count > 1 ? options.pagingLine : undefined) ?? pagingLine(reply, hintsWanted, tr);
  if (pageLine) pointers.push(...wrapText(pageLine, width).map((line) => paint(line, 'bold')));
  const hints = hintsWanted ? actionHints(reply, tr) : undefined;
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

/** Our prose as the console types commands: "/define empathy". */
export function consoleProse(prose: Prose): string {
  return clean(proseText(prose));
}

function renderBlock(block: Block, width: number, paint: Painter, tr: Translator): string[] {
  switch (block.kind) {
    case 'quote':
      return quoteLines(clean(block.text), block.highlights ?? [], width, paint, '');
    case 'text':
      return wrapText(consoleProse(block.text), width);
    case 'heading':
      return wrapText(clean(block.text), width).map((line) => paint(line, 'bold'));
    case 'table':
      return renderTable(
        {
          caption: clean(block.caption),
          columns: block.columns.map(clean),
          rows: block.rows.map((row) => row.map(clean)),
          ...(block.note === undefined ? {} : { note: clean(block.note) }),
        },
        width,
        paint,
      );
    case 'results':
      return renderResults(block.results, width, paint);
    case 'facts':
      return block.facts.flatMap((fact) => hanging(`${clean(fact.label)}${tr.colon}`, clean(fact.value), width, '  ', (text) => paint(text, 'bold')));
    case 'translations':
      return renderTranslations(block.translations, width, paint, tr);
    case 'citations':
      return renderCitations(block.citations, width, paint, tr);
    case 'see-also':
      return hanging(tr.t('reply.seeAlso') + tr.colon, tr.series(block.entries.map((view) => clean(view.label))), width, '  ');
    case 'suggestions':
      return wrapText(tr.t('reply.didYouMeanList', { items: tr.series(block.suggestions.map((view) => clean(view.label))) }), width).map((line) => paint(line, 'yellow'));
    default:
      return wrapText(clean(blockText(block, tr)), width);
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

function renderResults(results: readonly SearchResultView[], width: number, paint: Painter): string[] {
  const lines: string[] = [];
  results.forEach((result, index) => {
    if (index > 0) lines.push('');
    const number = `${index + 1}. `;
    const authors = result.authors.length > 0 ? ` — ${result.authors.join(', ')}` : '';
    const heading = hanging(number, clean(result.entryTitle + authors), width, ' '.repeat(number.length));
    lines.push(...heading.map((line) => paint(line, 'bold')));
    lines.push(...quoteLines(clean(result.excerpt), result.highlights, width, paint, ' '.repeat(number.length)));
  });
  return lines;
}

/** Translations under their provenance: each source named once, above the renderings it records. */
function renderTranslations(translations: readonly TranslationView[], width: number, paint: Painter, tr: Translator): string[] {
  const lines = [paint(tr.t('reply.translations'), 'bold')];
  for (const group of translationsBySource(translations, tr)) {
    const { source } = group;
    lines.push(...wrapText(tr.t('reply.source', { source: clean(source) }), width - 2).map((line) => paint('  ' + line, 'dim')));
    for (const view of group.translations) {
      const rendering = [view.text, view.romanization && view.text ? `(${view.romanization})` : view.romanization]
        .filter((piece): piece is string => Boolean(piece))
        .join(' ');
      lines.push(...hanging(`  ${clean(view.concept)} · ${languageName(tr, view.language)} [${view.language}]${tr.colon}`, clean(rendering), width, '      '));
      if (view.glosses && view.glosses.length > 0) {
        const glosses = view.glosses.map((gloss) => `${gloss.word} = ${gloss.meaning}`).join('; ');
        lines.push(...hanging('      ', clean(glosses), width, '      '));
      }
    }
  }
  return lines;
}

function renderCitations(citations: readonly Citation[], width: number, paint: Painter, tr: Translator): string[] {
  const lines = [paint(tr.t('reply.footnotes'), 'bold')];
  for (const citation of citations) {
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

function pagingLine(reply: Reply, withCommands: boolean, tr: Translator): string | undefined {
  const { index, count } = reply.page;
  if (count <= 1) return undefined;
  if (!withCommands) return tr.t('reply.page', { index, count });
  const moves = [index < count ? '/next' : undefined, index > 1 ? '/prev' : undefined].filter((move): move is string => Boolean(move));
  return tr.t('reply.pageMoves', { index, count, moves: tr.list(moves, 'disjunction') });
}

/** Console commands that replay this reply's follow-up actions (paging is on its own line). */
function actionHints(reply: Reply, tr: Translator): string | undefined {
  const kinds = new Set(reply.actions.map((action) => action.kind));
  const hints: string[] = [];
  // The console already prints the footnotes a reply cites; /sources adds how to cite the piece.
  if (kinds.has('sources')) hints.push(tr.t(citationsOf(reply).length > 0 ? 'console.hintSourcesCite' : 'console.hintSourcesFootnotes', { command: '/sources' }));
  return hints.length > 0 ? tr.t('reply.typeHints', { hints: tr.list(hints) }) : undefined;
}
