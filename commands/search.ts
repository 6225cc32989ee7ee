/**
 * `/search <query>`: the best passages across all entries, each with its entry, author and the
 * matched words marked.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, SOURCE_CAVEAT, text, type CommandRequest, type ReplyAction } from '../src/core/reply.js';
import { queryOption, visibilityOption } from '../src/core/options.js';
import { echo, emptyDraft, suggestionView } from '../src/core/entry-views.js';
import { passageViews } from '../src/core/passage-views.js';
import { noMatchReply } from '../src/core/resolver.js';
import { proseOf } from '../src/core/prose.js';

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
  handle({ query }, context) {
    const { lexicon, tr } = context;
    // The whole query replays the search: never its shortened echo.
    const request: CommandRequest = { command: 'search', options: { query } };
    const passages = lexicon.search.passages(query, SEARCH_RESULT_LIMIT);
    if (passages.length === 0) {
      // Renderings, romanizations and acronyms live in names and footnotes, not in running text: offer
      // the entries the query names before any "did you mean".
      const resolution = lexicon.search.resolveTerm(query);
      const draft = noMatchReply({ lexicon, request, tr }, query, [...resolution.matches, ...resolution.suggestions], 'define');
      draft.title = tr.t('search.nothingFound', { query: echo(query) });
      if (resolution.matches.length > 0) {
        // Not a miss: the query names entries, offered as the answer's candidates.
        draft.kind = 'lookup';
        draft.blocks = [
          text(...proseOf(tr, 'search.namesEntry', { command: command('define') })),
          ...draft.blocks.filter((block) => block.kind === 'suggestions'),
        ];
      }
      return draft;
    }

    // A footnote found (a scholar or work cited only there) is shown with the passage that cites it.
    const { results, carriers, citations } = passageViews(lexicon, passages, tr);

    const draft = emptyDraft('search', tr.t('search.title', { query: echo(query) }), request);
    draft.subtitle = tr.t('search.subtitle', { count: results.length });
    draft.blocks = [{ kind: 'results', results }, ...carriers, ...(citations.length > 0 ? [{ kind: 'citations' as const, citations }] : [])];
    draft.notice = SOURCE_CAVEAT;
    const entryViews = [...new Map(results.map((r) => [r.entryId, suggestionView({ entryId: r.entryId, label: lexicon.entry(r.entryId)?.term ?? r.entryTitle })])).values()];
    const actions: ReplyAction[] = [{ kind: 'share', label: tr.t('button.share'), request }];
    for (const view of entryViews.slice(0, 3)) {
      actions.push({ kind: 'open', label: tr.t('button.define', { term: view.label }).slice(0, 80), request: { command: 'define', options: { term: view.entryId } } });
    }
    draft.actions = actions;
    return draft;
  },
});
