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
import { foldCjk, searchTerm } from './normalize.js';

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
const CAMEL_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})/u;

/** Every term of `text` with its position, in order of appearance. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    if (match[2] !== undefined) {
      pushCjk(tokens, match[2], start);
    } else if (match[3] !== undefined) {
      pushWordChain(tokens, match[3], start);
    }
  }
  return tokens;
}

/** The terms a query searches for: words and CJK grams, deduplicated, in order. */
export function queryTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    if (token.kind === 'word' || token.kind === 'cjk') terms.add(token.term);
  }
  return [...terms];
}

/** The terms to index for a field (MiniSearch's `tokenize` option). */
export function indexTerms(text: string): string[] {
  return tokenize(text).map((token) => token.term);
}

function pushCjk(tokens: Token[], run: string, start: number): void {
  const chars: { char: string; start: number }[] = [];
  let offset = start;
  for (const char of run) {
    chars.push({ char, start: offset });
    offset += char.length;
  }
  if (chars.length === 1) {
    tokens.push({ term: foldCjk(run), start, end: offset, kind: 'cjk' });
    return;
  }
  for (let i = 0; i + 1 < chars.length; i++) {
    const first = chars[i]!;
    const second = chars[i + 1]!;
    tokens.push({
      term: foldCjk(first.char + second.char),
      start: first.start,
      end: second.start + second.char.length,
      kind: 'cjk',
    });
  }
}

function pushWordChain(tokens: Token[], chain: string, start: number): void {
  const pieces = chain.split(HYPHEN_SPLIT);
  let offset = start;
  const words: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 0) {
      words.push(piece);
      pushWord(tokens, piece, offset);
    }
    offset += piece.length;
  }
  if (words.length > 1) {
    const term = searchTerm(words.join(''));
    if (term) tokens.push({ term, start, end: start + chain.length, kind: 'compound' });
  }
}

function pushWord(tokens: Token[], word: string, start: number): void {
  const term = searchTerm(word);
  if (term) tokens.push({ term, start, end: start + word.length, kind: 'word' });
  const parts = word.split(CAMEL_BOUNDARY);
  if (parts.length < 2) return;
  let offset = start;
  for (const part of parts) {
    const partTerm = searchTerm(part);
    if (partTerm && partTerm !== term) {
      tokens.push({ term: partTerm, start: offset, end: offset + part.length, kind: 'part' });
    }
    offset += part.length;
  }
}
