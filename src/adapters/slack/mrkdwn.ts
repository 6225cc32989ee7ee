/**
 * Slack's text rules in one place: escaping for mrkdwn (so `<!channel>`, `<@U…>`, links and
 * formatting characters typed by a user are shown, never acted on), undoing Slack's escaping of what
 * it sends us, and cutting text to a limit without splitting a character, an emoji or an escape.
 */
import { splitGraphemes } from '../../core/graphemes.js';

const NEEDS_ESCAPE = /[&<>*_~`]/;

/**
 * mrkdwn has no escape for its formatting characters. A date token with an invalid format shows its
 * fallback text as is, unformatted, so `*` typed by a user stays an asterisk instead of starting bold.
 */
const literal = (char: string) => `<!date^00000000^{_}|${char}>`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '*': literal('*'), _: literal('_'), '~': literal('~'), '`': literal('`') };

/** Escape text for a mrkdwn field: Slack's three rules (& < >), and formatting characters shown literally. */
export function escapeMrkdwn(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[&<>*_~`]/g, (char) => ESCAPES[char] ?? char);
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

export { eachGrapheme, splitGraphemes } from '../../core/graphemes.js';

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
