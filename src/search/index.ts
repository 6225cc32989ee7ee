/**
 * Search over the lexicon: the only entry point the rest of the bot uses. Nothing outside
 * `src/search/` imports MiniSearch.
 */
import type { Entry } from '../core/entry.js';
import { GlossaryEngine } from './engine.js';
import { buildLexiconDocs, LEXICON_NAME_BOOSTS } from './lexicon-docs.js';
import { PassageIndex } from './passages.js';
import { TermResolver } from './resolve.js';
import { TermSpotter } from './terms-in-text.js';
import type { LexiconSearch } from './types.js';

export type { LexiconSearch, MatchField, PassageMatch, TermMatch, TermResolution } from './types.js';

/**
 * Indexes the entries (headwords, aliases, section headings, translations with their
 * romanizations, authors and their variant spellings, titles, bodies) and their paragraphs.
 */
export function createLexiconSearch(entries: readonly Entry[]): LexiconSearch {
  const { docs, info } = buildLexiconDocs(entries);
  const engine = new GlossaryEngine({ nameBoosts: LEXICON_NAME_BOOSTS });
  engine.addAll(docs);
  const resolver = new TermResolver(engine, info);
  const passages = new PassageIndex(entries);
  const spotter = new TermSpotter(entries);
  return {
    resolveTerm: (query) => resolver.resolve(query),
    suggest: (query, limit) => resolver.suggest(query, limit),
    passages: (query, limit) => passages.search(query, limit),
    termsInText: (text) => spotter.find(text),
  };
}
