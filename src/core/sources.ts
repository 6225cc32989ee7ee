/**
 * What a button shows. Most buttons replay their request as is; **Sources** replays the page the
 * user is looking at and shows the footnotes that page quotes, with how to cite the piece, so the
 * sources always match what is on screen (on any surface, shard or instance).
 */
import { dispatch } from './dispatch.js';
import { footnoteRange, howToCite } from './citation-styles.js';
import { emptyDraft } from './entry-views.js';
import type { Lexicon } from './lexicon.js';
import { SOURCE_CAVEAT } from './reply.js';
import type { Reply, ReplyAction } from './reply.js';
import { noteAnswer } from './request-context.js';

/** The reply for a button click: its request replayed, turned into its sources for a Sources button. */
export function answerAction(lexicon: Lexicon, action: Pick<ReplyAction, 'kind' | 'request'>): Reply {
  const reply = dispatch(lexicon, action.request);
  const answer = action.kind === 'sources' && reply.kind !== 'citation' ? sourcesOf(lexicon, reply) : reply;
  noteAnswer(answer.kind, answer.entryId);
  return answer;
}

/** The footnotes a reply (one page of it) cites, and how to cite the piece it quotes. */
export function sourcesOf(lexicon: Lexicon, reply: Reply): Reply {
  const entry = reply.entryId === null ? undefined : lexicon.entry(reply.entryId);
  const numbers = reply.citations.map((citation) => citation.number);
  const where = reply.page.count > 1 ? `Page ${reply.page.index} of “${reply.title}”` : `“${reply.title}”`;
  const summary =
    numbers.length === 0
      ? `${where} cites no footnotes of the document.`
      : `${where} cites ${numbers.length === 1 ? 'one footnote' : `${numbers.length} footnotes`} (${footnoteRange(numbers)}), listed with their links.`;
  const sources: Reply = { ...emptyDraft('citation', `Sources: ${reply.title}`), page: { index: 1, count: 1 }, request: reply.request };
  if (reply.subtitle !== undefined) sources.subtitle = reply.subtitle;
  sources.entryId = reply.entryId;
  if (reply.sectionId !== undefined) sources.sectionId = reply.sectionId;
  sources.parts = [{ kind: 'text', text: summary }, ...(entry ? howToCite(entry) : [])];
  sources.citations = reply.citations;
  sources.notice = SOURCE_CAVEAT;
  return sources;
}
