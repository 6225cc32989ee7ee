/**
 * "See also": cross-references computed from the text itself. An entry refers to another when its
 * body mentions the other's headword or one of its aliases (found by the search's `termsInText`),
 * and when it says so explicitly: "One of these is through restraint (see above)".
 */
import type { Entry } from './entry.js';
import type { Lexicon } from './lexicon.js';
import type { SuggestionView } from './reply.js';
import type { MatchField } from '../search/types.js';
import { plainText } from './render-text.js';

/** Most cross-references shown for one entry. */
export const MAX_SEE_ALSO = 5;

/** Match fields that name an entry (as opposed to merely occurring in its text). */
const NAMING_FIELDS = new Set<MatchField>(['id', 'term', 'alias', 'section', 'title']);

/**
 * "See also" of a lexicon: each entry's references are computed on first request and kept for the
 * lexicon's lifetime (`createLexicon` holds the function); `known` gives some already computed
 * (the build's prebuilt index).
 */
export function createSeeAlso(lexicon: Lexicon, known: Readonly<Record<string, SuggestionView[]>> = {}): (entryId: string) => SuggestionView[] {
  const table = new Map<string, SuggestionView[]>(Object.entries(known));
  return (entryId) => {
    let references = table.get(entryId);
    if (!references) {
      const entry = lexicon.entry(entryId);
      references = entry ? referencesOf(lexicon, entry) : [];
      table.set(entryId, references);
    }
    return references;
  };
}

function referencesOf(lexicon: Lexicon, entry: Entry): SuggestionView[] {
  const body = entry.sections.flatMap((section) => section.paragraphs.map(plainText)).join('\n\n');
  const score = new Map<string, number>();
  const explicit = new Set<string>();

  for (const target of explicitReferences(lexicon, body)) explicit.add(target);
  for (const match of lexicon.search.termsInText(body)) {
    if (!NAMING_FIELDS.has(match.matchedOn)) continue;
    score.set(match.entryId, (score.get(match.entryId) ?? 0) + 1);
  }
  explicit.delete(entry.id);
  score.delete(entry.id);

  const ranked = [
    ...explicit,
    ...[...score.entries()]
      .filter(([id]) => !explicit.has(id))
      .sort((a, b) => b[1] - a[1] || order(lexicon, a[0]) - order(lexicon, b[0]))
      .map(([id]) => id),
  ];
  return ranked.slice(0, MAX_SEE_ALSO).flatMap((id) => {
    const target = lexicon.entry(id);
    return target ? [{ entryId: id, label: target.term }] : [];
  });
}

function order(lexicon: Lexicon, id: string): number {
  return lexicon.entry(id)?.order ?? Number.MAX_SAFE_INTEGER;
}

/**
 * Entries named right before "(see above)" / "(see below)": the shortest run of up to four preceding
 * words (the head noun first) that resolves unambiguously to an entry's name.
 */
function explicitReferences(lexicon: Lexicon, body: string): string[] {
  const targets: string[] = [];
  for (const match of body.matchAll(/\(see (?:above|below)\)/gi)) {
    const words = body.slice(Math.max(0, match.index - 80), match.index).trim().split(/\s+/);
    for (let count = 1; count <= Math.min(4, words.length); count++) {
      const phrase = words.slice(-count).join(' ').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (phrase === '') continue;
      const resolution = lexicon.search.resolveTerm(phrase);
      const only = resolution.matches.length === 1 ? resolution.matches[0] : undefined;
      if (only && NAMING_FIELDS.has(only.matchedOn)) {
        targets.push(only.entryId);
        break;
      }
    }
  }
  return targets;
}
