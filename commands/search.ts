/**
 * `/search <query>`: the best passages across all entries, each with its entry, author and the
 * matched words marked.
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, SOURCE_CAVEAT, text, type Block, type Citation, type CommandRequest, type ReplyAction, type SearchResultView } from '../src/core/reply.js';
import { queryOption, visibilityOption } from '../src/core/options.js';
import { echo, emptyDraft, suggestionView } from '../src/core/entry-views.js';
import { passageViews } from '../src/core/passage-views.js';
import { noMatchReply } from '../src/core/resolver.js';
import { proseOf } from '../src/core/prose.js';

/** Passages shown on one page: enough to choose from, few enough to read. */
export const SEARCH_RESULT_LIMIT = 5;

/** Passages found for one query, paged five at a time with the paging buttons. */
export const SEARCH_MAX_RESULTS = 25;

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
    const passages = lexicon.search.passages(query, SEARCH_MAX_RESULTS);
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

    // Five results a page, each page with the footnotes it found (a scholar or work cited only
    // there) and the passages that cite them; the paginator starts a page at each group.
    const blocks: Block[] = [];
    const results: SearchResultView[] = [];
    const citations = new Map<string, Citation>();
    for (let at = 0; at < passages.length; at += SEARCH_RESULT_LIMIT) {
      const views = passageViews(lexicon, passages.slice(at, at + SEARCH_RESULT_LIMIT), tr);
      blocks.push({ kind: 'results', results: views.results, ...(at > 0 ? { startsPage: true } : {}) }, ...views.carriers);
      results.push(...views.results);
      for (const citation of views.citations) citations.set(`${citation.entryId}:${citation.number}`, citation);
    }

    const draft = emptyDraft('search', tr.t('search.title', { query: echo(query) }), request);
    draft.subtitle = tr.t('search.subtitle', { count: results.length });
    draft.blocks = [...blocks, ...(citations.size > 0 ? [{ kind: 'citations' as const, citations: [...citations.values()] }] : [])];
    draft.notice = SOURCE_CAVEAT;
    const entryViews = [...new Map(results.slice(0, SEARCH_RESULT_LIMIT).map((r) => [r.entryId, suggestionView({ entryId: r.entryId, label: lexicon.entry(r.entryId)?.term ?? r.entryTitle })])).values()];
    const actions: ReplyAction[] = [{ kind: 'share', label: tr.t('button.share'), request }];
    for (const view of entryViews.slice(0, 3)) {
      actions.push({ kind: 'open', label: tr.t('button.define', { term: view.label }).slice(0, 80), request: { command: 'define', options: { term: view.entryId } } });
    }
    draft.actions = actions;
    return draft;
  },
});
