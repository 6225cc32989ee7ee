/**
 * The one button path: every click on every surface (a Discord button, a Slack button, the
 * console's /next) is answered here, and the surface only carries out what it is told.
 *
 * - A state that does not decode, or no longer replays the answer it was made for (an entry renamed
 *   since, a page that no longer exists, a tampered value), tells the clicker privately that the
 *   button is out of date; it never posts or edits anything public.
 * - Only the person who asked for a public answer pages it in place; anyone else gets their own
 *   private copy at that page.
 * - Share posts the page on screen for everyone; the private copy it came from loses its share
 *   button, so it cannot post twice.
 * - Sources shows the footnotes of the page on screen and how to cite the piece; open answers
 *   another request; both privately.
 */
import { decodeActionState } from './action-state.js';
import { footnoteRange, howToCite } from './citation-styles.js';
import type { Dispatcher } from './dispatch.js';
import { emptyDraft, referenceOf, targetOfReference } from './entry-views.js';
import type { Lexicon } from './lexicon.js';
import { citationsOf, command, text, type CommandRequest, type Prose, type Reply } from './reply.js';
import { proseOf } from './prose.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { UiLocale } from '../i18n/locale.js';
import { caveatNotice } from '../i18n/words.js';

/** A click, as a surface knows it. */
export interface ButtonClick {
  /** The button's state, as the platform sent it back (custom_id, action value). */
  state: string;
  /** The platform id of whoever clicked. */
  clickerId: string;
  /** The message the button sits on: only the clicker sees it, or everyone does (and who asked for it). */
  message: { visibility: 'private' } | { visibility: 'public'; askedBy: string | undefined };
  /** The language to answer in (the clicker's for a private answer, the channel's for a public one); English when absent. */
  locale?: UiLocale;
}

/** What the surface does about a click. */
export type ButtonAnswer =
  /** Replace the message the button sits on (private, or public and clicked by who asked). */
  | { action: 'replace'; reply: Reply }
  /** A new message only the clicker sees. */
  | { action: 'private'; reply: Reply }
  /** Post `reply` for everyone (shared by the clicker), then show `privateCopy` in place of the private message. */
  | { action: 'post'; reply: Reply; privateCopy: Reply }
  /** Tell the clicker privately (an out-of-date button). */
  | { action: 'notice'; text: Prose };

/** What a button that no longer replays its answer says, in the reader's language. */
export function outOfDate(tr: Translator = createTranslator()): Prose {
  return proseOf(tr, 'button.outOfDate', { example: command('define', 'empathy') });
}

/** The English wording of `outOfDate`. */
export const OUT_OF_DATE: Prose = outOfDate();

const STALE_KINDS = new Set<Reply['kind']>(['usage-error', 'error', 'no-match', 'lookup']);

/** Answer a click. Never throws for a bad or stale state; handler bugs propagate to the surface. */
export function answerButton(dispatcher: Dispatcher, lexicon: Lexicon, click: ButtonClick): ButtonAnswer {
  const tr = createTranslator(click.locale);
  const action = decodeActionState(click.state);
  if (!action) return { action: 'notice', text: outOfDate(tr) };
  const request = expandReferences(dispatcher, lexicon, action.request);
  const reply = dispatcher.dispatch(lexicon, { ...request, ...(click.locale ? { locale: click.locale } : {}) });
  if (!replays(reply, request)) return { action: 'notice', text: outOfDate(tr) };

  const isPublic = click.message.visibility === 'public';
  switch (action.kind) {
    case 'share':
      if (isPublic) return { action: 'notice', text: [tr.t('button.alreadyPublic')] };
      return { action: 'post', reply: withoutShare(reply), privateCopy: withoutShare(reply) };
    case 'prev':
    case 'next': {
      const mayChange = click.message.visibility === 'private' || click.message.askedBy === click.clickerId;
      if (mayChange) return { action: 'replace', reply: isPublic ? withoutShare(reply) : reply };
      return { action: 'private', reply };
    }
    case 'sources':
      return { action: 'private', reply: reply.kind === 'citation' ? reply : sourcesOf(lexicon, reply, tr) };
    case 'open':
      return { action: 'private', reply };
  }
}

/** The reply as a public message shows it: no share button (it is shared already). */
export function withoutShare(reply: Reply): Reply {
  return reply.actions.some((action) => action.kind === 'share') ? { ...reply, actions: reply.actions.filter((action) => action.kind !== 'share') } : reply;
}

/** Compact references ("@6.3", made to fit a button) written out as the entry/section they name. */
function expandReferences(dispatcher: Dispatcher, lexicon: Lexicon, request: CommandRequest): CommandRequest {
  const found = dispatcher.find(request.command);
  if (!found) return request;
  const termNames = new Set(dispatcher.optionsOf(found).filter((d) => d.kind === 'term').map((d) => d.name));
  const options: Record<string, string | number> = { ...request.options };
  for (const [key, value] of Object.entries(options)) {
    if (!termNames.has(key) || typeof value !== 'string' || !/^@\d+(?:\.\d+)?$/.test(value)) continue;
    const target = targetOfReference(lexicon, value);
    if (target) options[key] = referenceOf({ entryId: target.entry.id, ...(target.section ? { sectionId: target.section.id } : {}) });
  }
  return { ...request, options };
}

/**
 * Whether a replayed reply is the answer the button was made for: the same canonical request and
 * page. Buttons carry resolved references, so one that now answers "no match" or "which one?" was
 * made for something that is gone.
 */
function replays(reply: Reply, request: CommandRequest): boolean {
  if (STALE_KINDS.has(reply.kind)) return false;
  if (request.page !== undefined && request.page !== reply.page.index) return false;
  const asked = request.options;
  const canonical = reply.request.options;
  const keys = Object.keys(asked);
  return reply.request.command === request.command && keys.length === Object.keys(canonical).length && keys.every((key) => asked[key] === canonical[key]);
}

/** The footnotes a reply (one page of it) cites, and how to cite the piece it quotes. */
export function sourcesOf(lexicon: Lexicon, reply: Reply, tr: Translator = createTranslator(reply.locale)): Reply {
  const entry = reply.entryId === null ? undefined : lexicon.entry(reply.entryId);
  const citations = citationsOf(reply);
  const numbers = citations.map((citation) => citation.number);
  const where = tr.t('sources.where', { paged: reply.page.count > 1 ? 'yes' : 'no', index: reply.page.index, title: tr.withInnerQuotes(reply.title) });
  const summary =
    numbers.length === 0
      ? tr.t('sources.none', { where })
      : tr.t('sources.some', { where, count: numbers.length, range: footnoteRange(numbers, tr) });
  const sources: Reply = { ...emptyDraft('citation', tr.t('sources.title', { title: reply.title }), reply.request), page: { index: 1, count: 1 }, locale: tr.locale };
  if (reply.subtitle !== undefined) sources.subtitle = reply.subtitle;
  sources.entryId = reply.entryId;
  if (reply.sectionId !== undefined) sources.sectionId = reply.sectionId;
  sources.blocks = [text(summary), ...(citations.length > 0 ? [{ kind: 'citations' as const, citations }] : []), ...(entry ? howToCite(entry, tr) : [])];
  sources.notice = caveatNotice(tr);
  return sources;
}
