/**
 * Slack's text rules in one place: escaping for mrkdwn (so `<!channel>`, `<@U…>` and links typed by a
 * user are shown, never acted on), undoing Slack's escaping of what it sends us, and cutting text to a
 * limit without splitting a character, an emoji or an escape sequence.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Escape text for a mrkdwn field with Slack's three rules (& < >). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (char) => ESCAPES[char] ?? char);
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

/** Split text into user-perceived characters (an emoji with modifiers stays whole). */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (segment) => segment.segment);
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
  for (const piece of splitGraphemes(text)) {
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
