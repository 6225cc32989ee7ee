/**
 * The tokenizer search uses for index and queries alike. Unlike MiniSearch's default tokenizer it
 * keeps Chinese, Japanese and Korean: a run of CJK characters becomes its character bigrams
 * (`同理心` → `同理`, `理心`; a lone character stays a unigram), because CJK writes words without
 * spaces and bigrams find a word inside a run without a dictionary.
 *
 * Latin words are folded and stemmed (see `normalize.ts`). A hyphenated word is indexed as its parts
 * and as the joined whole ("self-restraint" → self, restraint, selfrestraint), so "self restraint",
 * "SELF-RESTRAINT" and "selfrestraint" all find it; a camel-cased word also yields its parts
 * ("XinRen" → xinren, xin, ren).
 */
import { asciiSearchTerm, foldCjk, isAsciiText, searchTerm } from './normalize.js';

/** One term found in a text, with where it sits (UTF-16 offsets, `end` exclusive). */
export interface Token {
  /** The folded, stemmed term as the index stores it. */
  term: string;
  start: number;
  end: number;
  /**
   * `word`: a word as written; `cjk`: a CJK bigram or unigram; `compound`: the joined form of a
   * hyphenated word; `part`: a piece of a camel-cased word. Queries use only `word` and `cjk`.
   */
  kind: 'word' | 'cjk' | 'compound' | 'part';
}

const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC\u3005`;
const LETTER = String.raw`[[\p{L}\p{N}\p{M}]--[${CJK_CLASS}]]`;
const HYPHENS = String.raw`[\-\u2010-\u2015\u2212\uFE63\uFF0D]+`;
const APOSTROPHE = String.raw`['\u2019\u02BC\uFF07]`;
const WORD = String.raw`${LETTER}+(?:${APOSTROPHE}${LETTER}+)*`;

/**
 * Footnote markers (`[^12]`) are skipped; CJK runs; chains of words joined by hyphens.
 * Built at run time: the `v` flag (set subtraction) is newer than the compile target.
 */
const TOKEN_PATTERN = new RegExp(
  String.raw`(\[\^\d+\])|([${CJK_CLASS}]+)|(${WORD}(?:${HYPHENS}${WORD})*)`,
  'gv',
);
const HYPHEN_SPLIT = new RegExp(`(${HYPHENS})`, 'v');
const HAS_CAMEL = /\p{Ll}\p{Lu}/u;
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/u;

type Emit = (term: string, start: number, end: number, kind: Token['kind']) => void;

/** Every term of `text` with its position, in order of appearance. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scan(text, (term, start, end, kind) => tokens.push({ term, start, end, kind }));
  return tokens;
}

/** The terms a query searches for: words and CJK grams, deduplicated, in order. */
export function queryTerms(text: string): string[] {
  const plain = plainQueryTerms(text);
  if (plain !== undefined) return plain;
  const terms = new Set<string>();
  scan(text, (term, _start, _end, kind) => {
    if (kind === 'word' || kind === 'cjk') terms.add(term);
  });
  return [...terms];
}

/**
 * `queryTerms` of a query made only of ASCII letters, digits and spaces (nearly every query typed),
 * or undefined for any other: such a query is its words, folded and stemmed, with no hyphen chains,
 * apostrophes, markers or CJK to look for, so it needs no scan, closure or set (a test proves both
 * paths agree).
 */
export function plainQueryTerms(text: string): string[] | undefined {
  const terms: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : SPACE;
    if (isAsciiAlnum(code)) {
      if (start === -1) start = i;
      continue;
    }
    if (code !== SPACE) return undefined;
    if (start === -1) continue;
    const term = asciiSearchTerm(text.slice(start, i));
    if (term && !terms.includes(term)) terms.push(term);
    start = -1;
  }
  return terms;
}

const SPACE = 32;

/** Whether a query is only ASCII letters, digits and spaces: `plainQueryTerms` takes it. */
export function isPlainQuery(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && !isAsciiAlnum(code)) return false;
  }
  return true;
}

/** The terms to index for a field (MiniSearch's `tokenize` option). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  scan(text, (term) => terms.push(term));
  return terms;
}

function scan(text: string, emit: Emit): void {
  if (isAsciiText(text)) {
    scanAscii(text, emit);
    return;
  }
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    if (match[2] !== undefined) emitCjk(emit, match[2], match.index);
    else if (match[3] !== undefined) emitWordChain(emit, match[3], match.index, false);
  }
}

/**
 * `TOKEN_PATTERN` by hand for all-ASCII text (most of any English glossary): no match arrays to
 * allocate, several times faster. A test proves both paths tokenize alike.
 */
function scanAscii(text: string, emit: Emit): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (isAsciiAlnum(code)) {
      const start = i;
      i = endOfAsciiWord(text, i);
      // Words joined by runs of hyphens form one chain ("co---existence").
      while (text.charCodeAt(i) === HYPHEN) {
        let next = i;
        while (text.charCodeAt(next) === HYPHEN) next++;
        if (!isAsciiAlnum(text.charCodeAt(next))) break;
        i = endOfAsciiWord(text, next);
      }
      emitWordChain(emit, text.slice(start, i), start, true);
    } else if (code === 91 /* [ */ && text.charCodeAt(i + 1) === 94 /* ^ */) {
      let end = i + 2;
      while (isAsciiDigit(text.charCodeAt(end))) end++;
      // A footnote marker "[^12]" is skipped whole; anything else only its "[".
      i = end > i + 2 && text.charCodeAt(end) === 93 /* ] */ ? end + 1 : i + 1;
    } else {
      i++;
    }
  }
}

/** `HAS_CAMEL` for an ASCII word, without the regular expression (it ran on every word indexed). */
function hasAsciiCamel(word: string): boolean {
  for (let i = 1; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      const before = word.charCodeAt(i - 1);
      if (before >= 97 && before <= 122) return true;
    }
  }
  return false;
}

const HYPHEN = 45;
const APOSTROPHE_CODE = 39;

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isAsciiAlnum(code: number): boolean {
  return isAsciiDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** End of a word starting at `i`: letters and digits, with inner apostrophes ("another's"). */
function endOfAsciiWord(text: string, i: number): number {
  let end = i;
  for (;;) {
    while (isAsciiAlnum(text.charCodeAt(end))) end++;
    if (text.charCodeAt(end) !== APOSTROPHE_CODE || !isAsciiAlnum(text.charCodeAt(end + 1))) return end;
    end++;
  }
}

function emitCjk(emit: Emit, run: string, start: number): void {
  const chars: { char: string; start: number }[] = [];
  let offset = start;
  for (const char of run) {
    chars.push({ char, start: offset });
    offset += char.length;
  }
  if (chars.length === 1) {
    emit(foldCjk(run), start, offset, 'cjk');
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const first = chars[i]!;
    const second = chars[i + 1]!;
    emit(foldCjk(first.char + second.char), first.start, second.start + second.char.length, 'cjk');
  }
}

function emitWordChain(emit: Emit, chain: string, start: number, ascii: boolean): void {
  const termOf = ascii ? asciiSearchTerm : searchTerm;
  if (!(ascii ? chain.includes('-') : HYPHEN_SPLIT.test(chain))) {
    emitWord(emit, chain, start, termOf);
    return;
  }
  const pieces = chain.split(HYPHEN_SPLIT);
  let offset = start;
  let joined = '';
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 0) {
      joined += piece;
      emitWord(emit, piece, offset, termOf);
    }
    offset += piece.length;
  }
  const term = termOf(joined);
  if (term) emit(term, start, start + chain.length, 'compound');
}

function emitWord(emit: Emit, word: string, start: number, termOf: (word: string) => string): void {
  const term = termOf(word);
  if (term) emit(term, start, start + word.length, 'word');
  if (!(termOf === asciiSearchTerm ? hasAsciiCamel(word) : HAS_CAMEL.test(word))) return;
  let offset = start;
  for (const part of word.split(CAMEL_BOUNDARY)) {
    const partTerm = termOf(part);
    if (partTerm && partTerm !== term) emit(partTerm, offset, offset + part.length, 'part');
    offset += part.length;
  }
}
