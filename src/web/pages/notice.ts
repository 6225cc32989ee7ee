/**
 * Pages that explain instead of showing the lexicon: no access (403), not found (404).
 * They show none of the document's text beyond its caveat.
 */
import { renderPage } from '../layout.js';
import { markup } from '../markup.js';

/** Why a request was refused, in the reader's terms. */
export type RefusalReason = 'missing' | 'malformed' | 'forged' | 'expired';

/** The 403 page. */
export function renderForbiddenPage(reason: RefusalReason): string {
  const why =
    reason === 'expired'
      ? 'The link you followed has expired.'
      : reason === 'missing'
        ? 'This page can only be opened from a link the lexicon bot gives you.'
        : 'The link you followed is not valid (it may have been cut short when it was copied).';
  return renderPage(
    { title: 'Not available', description: 'This reading room opens only from links the lexicon bot gives.' },
    markup`<h1>Not available without a link from the bot</h1>
<p>${why}</p>
<p>The workshop document behind this reading room asks not to be circulated widely, so its pages are not public. Links that the lexicon bot posts in your team’s chat (Discord, Slack or its console) open it for a limited time.</p>
<p>To get a fresh link, ask the bot in your chat, for example <code>/define trust</code> or <code>/search reassurance</code>, and follow the link in its answer.</p>`,
  );
}

/** The 404 page. */
export function renderNotFoundPage(): string {
  return renderPage(
    { title: 'Not found', description: 'No such page in the lexicon.' },
    markup`<h1>No such page</h1>
<p>There is no page at this address. <a href="/">The home page</a> lists every entry.</p>`,
  );
}
