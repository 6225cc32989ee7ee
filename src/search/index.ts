/**
 * Search over the lexicon: the only entry point the rest of the bot uses. Nothing outside
 * `src/search/` imports MiniSearch.
 */
import type { Entry } from '../core/entry.js';
import { GlossaryEngine } from './engine.js';
import { buildLexiconDocs, LEXICON_NAME_BOOSTS, type LexiconDocInfo } from './lexicon-docs.js';
import { PassageIndex } from './passages.js';
import { TermResolver } from './resolve.js';
import { TermSpotter } from './terms-in-text.js';
import type { LexiconSearch } from './types.js';

export { glossaryDocId as glossaryAddress, usesOf } from './lexicon-docs.js';
export type { LexiconSearch, MatchField, PassageMatch, TermMatch, TermResolution } from './types.js';

/**
 * Indexes the entries (headwords, aliases, section headings, translations with their
 * romanizations, authors and their variant spellings, titles) on the first query that needs the
 * name index, and their paragraphs on the first passage search or the first query that only the
 * text itself can answer. An exact reference (`define empathy`, what buttons replay) is answered
 * from the lexicon's id index without either, so the one-shot command line does not build them.
 */
export function createLexiconSearch(entries: readonly Entry[]): LexiconSearch {
  let names: { resolver: TermResolver; info: ReadonlyMap<string, LexiconDocInfo> } | undefined;
  const nameIndex = () => {
    if (names) return names;
    const { docs, info } = buildLexiconDocs(entries);
    const engine = new GlossaryEngine({ nameBoosts: LEXICON_NAME_BOOSTS });
    engine.addAll(docs);
    names = { resolver: new TermResolver(engine, info, (terms) => passages().entriesMentioning(terms)), info };
    return names;
  };
  let paragraphs: PassageIndex | undefined;
  const passages = (): PassageIndex => (paragraphs ??= new PassageIndex(entries));
  // Built on the first message to spot terms in: a lookup never needs it.
  let spotter: TermSpotter | undefined;
  return {
    resolveTerm: (query) => nameIndex().resolver.resolve(query),
    suggest: (query, limit) => nameIndex().resolver.suggest(query, limit),
    passages: (query, limit, requireAll) => passages().search(query, limit, requireAll),
    footnotes: (query, limit) => passages().footnotes(query, limit),
    termsInText: (text) => (spotter ??= new TermSpotter(nameIndex().info)).find(text),
  };
}
