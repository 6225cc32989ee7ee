/**
 * Folding: the one place that decides when two spellings of a word are "the same" for search.
 *
 * Index and query pass through the very same functions, so a rule here never needs to be perfect,
 * only consistent: "Effectivités", "effectivites" and "ＥＦＦＥＣＴＩＶＩＴＥＳ" all fold to "effectivite".
 */

import { createRequire } from 'node:module';
import type { Converter } from 'opencc-js/t2cn';

/**
 * Han characters folded to one form: Japanese new forms (信頼), traditional (信賴) and simplified
 * (信赖) Chinese all to simplified, with OpenCC's maintained tables (Japanese shinjitai → traditional
 * → simplified), so a query in any of the three finds a rendering printed in another.
 */
let simplifier: ((text: string) => string) | undefined;
/**
 * The converter, loaded (its CommonJS build, 100 KB of tables) and made on the first Han character
 * not folded before: a Latin-only query, or a start from the build's prebuilt index, never needs it.
 */
function toSimplified(text: string): string {
  const convert = (simplifier ??= (createRequire(import.meta.url)('opencc-js/t2cn') as { Converter: typeof Converter }).Converter({ from: 'jp', to: 'cn' }));
  return convert(text);
}
const HAN = /\p{Script=Han}/u;

/** Apostrophes of every kind the document and keyboards produce, folded to "'". */
const APOSTROPHES = /[\u2019\u2018\u02BC\u02BB\u0060\u00B4\u2032\uFF07]/g;

/** Combining marks left behind by canonical decomposition (accents, diacritics). */
const COMBINING_MARKS = /\p{M}+/gu;

/** Printable ASCII: the fast path (most words of an English glossary). */
const ASCII = /^[\u0020-\u007E]*$/;

/**
 * Words that say nothing about which entry is meant. Dropped from index and query alike so that
 * "the new model of major power relations" and "new model major power relations" are one query,
 * and so that posting lists of a large glossary stay short. "us" is kept (US-China, US-Canada).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'after', 'again', 'against', 'all', 'am', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'being', 'below', 'between', 'both', 'but', 'by', 'can', 'could',
  'did', 'do', 'does', 'doing', 'down', 'during', 'each', 'few', 'for', 'from', 'further', 'had', 'has',
  'have', 'having', 'he', 'her', 'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'i', 'if',
  'in', 'into', 'is', 'it', 'its', 'itself', 'just', 'me', 'more', 'most', 'my', 'myself', 'no', 'nor',
  'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or', 'other', 'our', 'ours', 'ourselves', 'out',
  'over', 'own', 'same', 'she', 'should', 'so', 'some', 'such', 'than', 'that', 'the', 'their',
  'theirs', 'them', 'themselves', 'then', 'there', 'these', 'they', 'this', 'those', 'through', 'to',
  'too', 'under', 'until', 'up', 'very', 'was', 'we', 'were', 'what', 'when', 'where', 'which',
  'while', 'who', 'whom', 'why', 'will', 'with', 'would', 'you', 'your', 'yours', 'yourself',
]);

/**
 * Folds one Latin-script (or other non-CJK) word: compatibility forms (full-width letters,
 * ligatures) to plain ones, accents stripped, lower case, apostrophes unified and dropped
 * ("people's" → "people", "don't" → "dont").
 */
export function foldWord(word: string): string {
  return ASCII.test(word) ? foldAsciiWord(word) : foldAsciiWord(
    word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(APOSTROPHES, "'"),
  );
}

/** `foldWord` for a word already known to be ASCII: the tokenizer's fast path. */
export function foldAsciiWord(word: string): string {
  let folded = word.toLowerCase();
  if (folded.includes("'")) {
    folded = folded.replace(/'s$/, '').replace(/'/g, '');
  }
  return folded;
}

/**
 * Folds a run of Chinese, Japanese or Korean text: NFKC (half-width katakana and full-width forms
 * to their normal shape; canonical decomposition would break Hangul syllables into jamo), then Han
 * characters to simplified forms.
 */
export function foldCjk(run: string): string {
  if (ASCII.test(run)) return run;
  const normal = run.normalize('NFKC');
  if (!HAN.test(normal)) return normal;
  // Character by character, each converted once: folding needs consistency, not OpenCC's phrase rules.
  let folded = '';
  for (const char of normal) {
    const known = SIMPLIFIED.get(char);
    if (known !== undefined) {
      folded += known;
      continue;
    }
    const simple: string = HAN.test(char) ? toSimplified(char) : char;
    SIMPLIFIED.set(char, simple);
    folded += simple;
  }
  return folded;
}

/** Han characters already folded, by character; bounded by the Han block (the document uses a few hundred). */
const SIMPLIFIED = new Map<string, string>();

/** Every character folded so far, with its folded form (the build saves those of the entries). */
export function foldedCharacters(): Record<string, string> {
  return Object.fromEntries(SIMPLIFIED);
}

/**
 * Characters folded by an earlier run of this same code (the build's prebuilt index): OpenCC's
 * tables, the largest cost of indexing the entries at start-up, then load only for a character
 * not among them.
 */
export function rememberFoldedCharacters(known: Readonly<Record<string, string>>): void {
  for (const [char, folded] of Object.entries(known)) if (!SIMPLIFIED.has(char)) SIMPLIFIED.set(char, folded);
}

/**
 * A light, idempotent English plural stemmer: "measures" → "measure", "TBMs" → "tbm",
 * "countries" → "country"; words ending in -ss, -us, -is are left alone ("process", "consensus",
 * "analysis"). Idempotent, so a term already stemmed is never stemmed twice.
 */
export function stem(word: string): string {
  const length = word.length;
  if (length <= 3 || word.charCodeAt(length - 1) !== 115 /* s */) return word;
  if (length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const before = word.charCodeAt(length - 2);
  if (before === 115 /* s */ || before === 117 /* u */ || before === 105 /* i */ || before === 39 /* ' */) {
    return word;
  }
  return word.slice(0, -1);
}

/** Folds and stems a word; returns "" for a stop word or a lone letter, which search ignores. */
export function searchTerm(word: string): string {
  return termOfFolded(foldWord(word));
}

/** `searchTerm` for a word already known to be ASCII. */
export function asciiSearchTerm(word: string): string {
  return termOfFolded(foldAsciiWord(word));
}

function termOfFolded(folded: string): string {
  if (folded.length === 0 || STOP_WORDS.has(folded)) return '';
  if (folded.length === 1 && !(folded >= '0' && folded <= '9')) return '';
  return stem(folded);
}

/** True when `text` is printable ASCII plus whitespace, so the tokenizer may take its fast path. */
export function isAsciiText(text: string): boolean {
  return ASCII_TEXT.test(text);
}

const ASCII_TEXT = /^[\u0020-\u007E\t\n\r]*$/;
