/**
 * The "Look up in lexicon" context-menu answer: every lexicon term a message mentions, one line
 * each, with buttons to expand (define) or post each one. Built as a core Reply so it renders like
 * every other answer.
 */
import type { Lexicon } from '../../core/lexicon.js';
import { SOURCE_CAVEAT, type Reply, type ReplyAction } from '../../core/reply.js';
import { authorsText, emptyDraft, pieceLabel, referenceOf, suggestionAction, suggestionView } from '../../core/entry-views.js';
import { ACTION_ROWS_MAX, BUTTONS_PER_ROW } from './limits.js';

/** Two buttons (expand, post) per term, as many terms as the button rows hold. */
const TERMS_WITH_BUTTONS = Math.floor((ACTION_ROWS_MAX * BUTTONS_PER_ROW) / 2);

/** The lookup reply for a message's text. */
export function lookupReply(lexicon: Lexicon, text: string): Reply {
  const seen = new Set<string>();
  const matches = lexicon.search.termsInText(text).filter((match) => {
    const reference = referenceOf(match);
    if (seen.has(reference)) return false;
    seen.add(reference);
    return true;
  });
  const title = matches.length === 0 ? 'No lexicon terms in this message' : `Lexicon terms in this message (${matches.length})`;
  const base: Reply = { ...emptyDraft('lookup', title), page: { index: 1, count: 1 }, request: { command: 'lookup', options: {} } };
  if (matches.length === 0) {
    return { ...base, parts: [{ kind: 'text', text: 'None of the lexicon’s terms, aliases or section names appear in it. Try /search with a few of its words.' }] };
  }
  const lines = matches.map((match) => {
    const entry = lexicon.entry(match.entryId);
    return entry ? `• ${match.label} — ${authorsText(entry.authors)}, ${pieceLabel(entry)}` : `• ${match.label}`;
  });
  const actions: ReplyAction[] = matches.slice(0, TERMS_WITH_BUTTONS).flatMap((match) => {
    const expand = suggestionAction(suggestionView(match));
    const post: ReplyAction = { kind: 'share', label: `Post: ${expand.label}`, request: expand.request };
    return [expand, post];
  });
  return { ...base, parts: [{ kind: 'text', text: lines.join('\n') }], notice: SOURCE_CAVEAT, actions };
}
