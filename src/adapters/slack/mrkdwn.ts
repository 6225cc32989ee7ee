/**
 * Slack's text rules in one place: escaping for mrkdwn (so `<!channel>`, `<@U…>` and links typed by a
 * user are shown, never acted on), undoing Slack's escaping of what it sends us, and cutting text to a
 * limit without splitting a character, an emoji or an escape sequence.
 */

const NEEDS_ESCAPE = /[&<>]/;

/** Escape text for a mrkdwn field with Slack's three rules (& < >). */
export function escapeMrkdwn(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Undo Slack's escaping of text it sends us (slash-command text, message text). */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Turn Slack's formatted tokens in message text back into what the user sees:
 * `<http://a|label>` → label, `<#C1|general>` → #general, `<@U1>` / `<!here>` → removed.
 */
export function plainFromSlackMarkup(text: string): string {
  const stripped = text.replace(/<([^<>]*)>/g, (_match, inner: string) => {
    const [target = '', label] = inner.split('|', 2);
    if (target.startsWith('@') || target.startsWith('!')) return '';
    if (target.startsWith('#')) return label !== undefined ? `#${label}` : '';
    return label ?? target;
  });
  return unescapeSlack(stripped).replace(/\s+/g, ' ').trim();
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Anything that can join characters into one grapheme: marks, joiners, variation selectors,
 * surrogates (emoji, rare CJK), Hangul jamo, CR. Text without them is one grapheme per code unit,
 * which spares the (slow) segmenter for most Latin and CJK text.
 */
const MAY_CLUSTER = /\p{M}|\u200C|\u200D|[\uFE00-\uFE0F]|[\u{10000}-\u{10FFFF}]|[\uD800-\uDFFF]|[\u1100-\u11FF]|\r/u;

/** The graphemes of a text, one at a time (stop early without segmenting the rest). */
export function* eachGrapheme(text: string): Generator<string> {
  if (!MAY_CLUSTER.test(text)) {
    for (let i = 0; i < text.length; i += 1) yield text[i] as string;
    return;
  }
  for (const segment of graphemes.segment(text)) yield segment.segment;
}

/** Split text into user-perceived characters (an emoji with modifiers stays whole). */
export function splitGraphemes(text: string): string[] {
  return Array.from(eachGrapheme(text));
}

const ELLIPSIS = '…';

/**
 * The longest prefix of `text` whose rendered length (after `render`, escaping by default) fits in
 * `max`, with an ellipsis when cut. Cuts only between graphemes, so never inside an emoji or an
 * escape sequence.
 */
export function fitText(text: string, max: number, render: (text: string) => string = escapeMrkdwn): string {
  const whole = render(text);
  if (whole.length <= max) return whole;
  const budget = max - ELLIPSIS.length;
  let used = 0;
  let out = '';
  // Rendering never shortens text, so a prefix a little longer than `max` holds every grapheme needed.
  for (const piece of splitGraphemes(text.slice(0, max * 2 + 64))) {
    const rendered = render(piece);
    if (used + rendered.length > budget) break;
    out += rendered;
    used += rendered.length;
  }
  return out.trimEnd() + ELLIPSIS;
}

/** Plain text cut to `max` (for plain_text objects, which Slack does not parse for mentions). */
export function fitPlain(text: string, max: number): string {
  return fitText(text.replace(/\s+/g, ' ').trim(), max, (piece) => piece);
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Bold an already-escaped span. Slack only honours `*…*` at word boundaries, so a zero-width space
 * separates the markers from letters either side (needed inside words and in CJK text).
 */
export function boldSpan(escaped: string, before: string, after: string): string {
  const trimmed = escaped.trim();
  if (trimmed === '') return escaped;
  const lead = escaped.slice(0, escaped.indexOf(trimmed));
  const trail = escaped.slice(lead.length + trimmed.length);
  const left = lead === '' && WORD_CHAR.test(before.slice(-1)) ? ZERO_WIDTH_SPACE : '';
  const right = trail === '' && WORD_CHAR.test(after.slice(0, 1)) ? ZERO_WIDTH_SPACE : '';
  return `${lead}${left}*${trimmed}*${right}${trail}`;
}
