/**
 * The "Look up in lexicon" context-menu answer: every lexicon term a message mentions, one line
 * each, with buttons to define or post each one. Built as a core Reply so it renders like
 * every other answer.
 */
import type { Lexicon } from '../../core/lexicon.js';
import { command, text as prose, type Reply, type ReplyAction } from '../../core/reply.js';
import { authorsText, emptyDraft, pieceLabel, referenceOf, suggestionAction, suggestionView } from '../../core/entry-views.js';
import { ACTION_ROWS_MAX, BUTTONS_PER_ROW } from './limits.js';
import { proseOf } from '../../core/prose.js';
import { caveatNotice } from '../../i18n/words.js';
import { createTranslator } from '../../i18n/translator.js';
import type { UiLocale } from '../../i18n/locale.js';

/** Two buttons (expand, post) per term, as many terms as the button rows hold. */
const TERMS_WITH_BUTTONS = Math.floor((ACTION_ROWS_MAX * BUTTONS_PER_ROW) / 2);

/** The lookup reply for a message's text. */
export function lookupReply(lexicon: Lexicon, text: string, locale?: UiLocale): Reply {
  const tr = createTranslator(locale);
  const seen = new Set<string>();
  const matches = lexicon.search.termsInText(text).filter((match) => {
    const reference = referenceOf(match);
    if (seen.has(reference)) return false;
    seen.add(reference);
    return true;
  });
  const title = matches.length === 0 ? tr.t('lookup.noTerms') : tr.t('lookup.terms', { count: matches.length });
  const base: Reply = { ...emptyDraft('lookup', title, { command: 'lookup', options: {} }), page: { index: 1, count: 1 }, locale: tr.locale };
  if (matches.length === 0) {
    return { ...base, blocks: [prose(...proseOf(tr, 'lookup.none', { search: command('search') }))] };
  }
  const lines = matches.map((match) => {
    const entry = lexicon.entry(match.entryId);
    return entry ? `• ${match.label} — ${authorsText(entry.authors, tr)}, ${pieceLabel(entry)}` : `• ${match.label}`;
  });
  const actions: ReplyAction[] = matches.slice(0, TERMS_WITH_BUTTONS).flatMap((match) => {
    const expand = suggestionAction(suggestionView(match));
    const post: ReplyAction = { kind: 'share', label: tr.t('button.shareTerm', { term: expand.label }), subject: expand.label, request: expand.request };
    return [expand, post];
  });
  return { ...base, blocks: [prose(lines.join('\n'))], notice: caveatNotice(tr), actions };
}
