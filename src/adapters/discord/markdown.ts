/**
 * Discord markdown helpers: escape text so nothing a user (or the document) contains turns into
 * formatting, and clip markdown to a limit without breaking it (no split emoji, no dangling
 * backslash, no unclosed bold).
 */
const ELLIPSIS = '…';
let made: Intl.Segmenter | undefined;
/** Made on first use: creating it loads ICU's break rules, tens of milliseconds of a start otherwise. */
const segmenter = { segment: (text: string): Intl.Segments => (made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text) };

const URL_PATTERN = /https?:\/\/[^\s<>]+/g;
/** Characters that open inline markdown, masked links, mentions/timestamps (<@id>) or escapes. */
const INLINE_SPECIAL = /[\\*_~`|[\]<]/g;

/**
 * Escape every Discord markdown construct in plain text, so it is shown, not applied: inline marks,
 * masked links, mentions, and block starts (quote, heading, list, subtext). URLs are left intact so
 * they still link. Linear in the text's length: discord.js's escapeMarkdown does the same job but
 * its look-behinds are quadratic (about 650 ms on a 10,000-character CJK text, measured here), and a
 * reply must stay fast whatever a user pastes.
 */
export function escapeText(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    out += escapeInline(text.slice(at, match.index)) + match[0];
    at = match.index + match[0].length;
  }
  out += escapeInline(text.slice(at));
  return out.replace(/^(\s*)(\d+)\./gm, '$1$2\\.').replace(/^(\s*)([>#+-])/gm, '$1\\$2');
}

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** Cut plain text to at most `max` UTF-16 units at a grapheme boundary, ending with "…" when cut. */
export function clipPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return takeGraphemes(text, max - ELLIPSIS.length) + ELLIPSIS;
}

/**
 * Cut markdown produced by this adapter (escaped text, `**bold**`, `> ` quotes) to at most `max`
 * UTF-16 units: at a grapheme boundary, never leaving a lone escaping backslash, closing an open
 * bold span, and ending with "…".
 */
export function clipMarkdown(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown;
  const reserve = ELLIPSIS.length + 2; // room for a closing "**"
  let cut = takeGraphemes(markdown, Math.max(0, max - reserve));
  let bold = false;
  let danglingEscape = false;
  for (let i = 0; i < cut.length; i++) {
    if (cut[i] === '\\') {
      if (i === cut.length - 1) danglingEscape = true;
      i++;
    } else if (cut[i] === '*' && cut[i + 1] === '*') {
      bold = !bold;
      i++;
    }
  }
  if (danglingEscape) cut = cut.slice(0, -1);
  // A single trailing "*" could pair with our closing "**"; drop it.
  if (cut.endsWith('*') && !cut.endsWith('\\*') && !cut.endsWith('**')) cut = cut.slice(0, -1);
  return cut.trimEnd() + (bold ? '**' : '') + ELLIPSIS;
}

/** The longest prefix of at most `max` UTF-16 units that ends on a grapheme boundary. */
function takeGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  // Segment only a window around the cut: segmenting the whole of a long text is slow.
  const windowStart = Math.max(0, max - 64);
  const window = text.slice(windowStart, max + 64);
  let end = windowStart;
  for (const { index, segment } of segmenter.segment(window)) {
    const segmentEnd = windowStart + index + segment.length;
    if (segmentEnd > max) break;
    end = segmentEnd;
  }
  return text.slice(0, end);
}
