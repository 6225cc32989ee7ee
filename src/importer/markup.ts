/**
 * Inline clean-up of the PDF conversion's markup: footnote markers, ordinals, inline maths.
 */

/** `21<sup>st</sup>` → `21st`: a superscript of letters after a number is an ordinal, not a marker. */
export function flattenOrdinals(text: string): string {
  return text.replace(/(\d)\s*<sup>([A-Za-z]{2})<\/sup>/g, '$1$2');
}

/** `<sup>12</sup>` → `[^12]`, the entry format's footnote marker. */
export function toFootnoteMarkers(text: string): string {
  return text.replace(/<sup>(\d+)<\/sup>/g, '[^$1]');
}

/** Numbers of the footnotes a text cites with `<sup>N</sup>`, in order. */
export function citedFootnotes(text: string): number[] {
  return [...text.matchAll(/<sup>(\d+)<\/sup>/g)].map((match) => Number(match[1]));
}

/**
 * The converter typeset "2+2=4" as inline maths (`that  $2+2=4$ .`); the PDF shows plain text.
 */
export function plainInlineMaths(text: string): string {
  return text.replace(/ +\$([^$\n]+?)\$(?: +(?=[.,;:!?]))?/g, ' $1');
}

/** Everything done to running text and footnote text alike. */
export function cleanInline(text: string): string {
  return plainInlineMaths(flattenOrdinals(text));
}
