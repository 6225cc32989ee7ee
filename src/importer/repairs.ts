/**
 * Words the PDF conversion ran together in the running text, repaired only where the split is
 * certain. This is the one list of such repairs; nothing else in the importer edits the authors'
 * words. Footnotes are kept verbatim (their joined names are left as converted).
 */
export const JOINED_WORD_REPAIRS: ReadonlyArray<readonly [joined: string, repaired: string]> = [
  ['disputewith', 'dispute with'],
  ['MengXiangqing', 'Meng Xiangqing'],
];

/** Applies JOINED_WORD_REPAIRS to a paragraph of running text. */
export function repairJoinedWords(text: string): string {
  let repaired = text;
  for (const [joined, fixed] of JOINED_WORD_REPAIRS) repaired = repaired.split(joined).join(fixed);
  return repaired;
}
