/**
 * `/search <query>`: the best passages across all entries, each with its entry, author and the
 * matched words marked.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { SOURCE_CAVEAT } from '../src/core/reply.js';
import type { ReplyAction } from '../src/core/reply.js';
import { queryOption, visibilityOption } from '../src/core/options.js';
import { echo, emptyDraft, noMatchReply, suggestionView } from '../src/core/entry-views.js';
import { passageViews } from '../src/core/passage-views.js';

/** Passages shown for one query: enough to choose from, few enough for one page. */
export const SEARCH_RESULT_LIMIT = 5;

export default defineCommand({
  name: 'search',
  description: 'Find passages anywhere in the lexicon; each result names its entry and author.',
  options: z.object({
    query: queryOption('Words to look for, e.g. south china sea, 信任, xinlai'),
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/search south china sea', '/search costly signals', '/search 同理心'],
  handle({ query }, { lexicon }) {
    const passages = lexicon.search.passages(query, SEARCH_RESULT_LIMIT);
    if (passages.length === 0) {
      // Renderings, romanizations and acronyms live in names and footnotes, not in running text: offer
      // the entries the query names before any "did you mean".
      const resolution = lexicon.search.resolveTerm(query);
      const draft = noMatchReply(lexicon, query, { matches: [], suggestions: [...resolution.matches, ...resolution.suggestions] }, 'define');
      draft.title = `Nothing found for “${echo(query)}”`;
      if (resolution.matches.length > 0) {
        draft.kind = 'lookup';
        draft.parts = [{ kind: 'text', text: 'No passage of the running text contains it, but it names a lexicon entry: define it with the button or /define.' }];
      }
      return draft;
    }

    const { results, parts, citations } = passageViews(lexicon, passages);

    const shown = echo(query);
    const draft = emptyDraft('search', `Search: “${shown}”`);
    draft.subtitle = results.length === 1 ? 'One passage' : `${results.length} best passages`;
    draft.results = results;
    draft.parts = parts;
    draft.citations = citations;
    draft.notice = SOURCE_CAVEAT;
    const entryViews = [...new Map(results.map((r) => [r.entryId, suggestionView({ entryId: r.entryId, label: r.entryTitle.split(' › ')[0] ?? r.entryTitle })])).values()];
    const actions: ReplyAction[] = [{ kind: 'share', label: 'Share', request: { command: 'search', options: { query: shown } } }];
    for (const view of entryViews.slice(0, 3)) {
      actions.push({ kind: 'define', label: `Define ${view.label}`.slice(0, 80), request: { command: 'define', options: { term: view.entryId } } });
    }
    draft.actions = actions;
    return draft;
  },
});
