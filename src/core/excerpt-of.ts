/**
 * A verbatim excerpt of raw entry text around a given string (a footnote marker), cut at sentence
 * boundaries where it can be, so the passage that carries a marker can be quoted without its whole paragraph.
 */

/** Longest excerpt, in raw characters. */
const MAX_EXCERPT = 420;

/** The sentence(s) around the first occurrence of `needle` in `raw`, with "…" marking cuts. */
export function excerptOf(raw: string, needle: string): string {
  const at = raw.indexOf(needle);
  if (at === -1 || raw.length <= MAX_EXCERPT) return raw;
  const before = raw.slice(0, at);
  let sentenceStart = 0;
  for (const end of before.matchAll(/[.!?]["”’)]*(?:\[\^\d+\])*\s+/g)) sentenceStart = end.index + end[0].length;
  let start = at - sentenceStart > MAX_EXCERPT - 40 ? Math.max(0, at - (MAX_EXCERPT - 40)) : sentenceStart;
  if (start > 0) start = raw.indexOf(' ', start) + 1;
  const end = Math.min(raw.length, Math.max(at + needle.length, start + MAX_EXCERPT));
  const cutEnd = end < raw.length ? raw.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '…' : ''}${raw.slice(start, cutEnd > at ? cutEnd : end)}${end < raw.length ? '…' : ''}`;
}
