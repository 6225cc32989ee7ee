/**
 * Slack link unfurling: when someone posts a reading-room link, Slack sends `link_shared` and the
 * bot answers with `chat.unfurl`: the excerpt the link points at, its author and the footnotes it
 * cites, and the document's caveat, within Block Kit's limits.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import * as z from 'zod';
import { SOURCE_CAVEAT } from '../../core/reply.js';
import { superscript } from '../../core/render-text.js';
import type { WebSettings } from '../../web/access.js';
import { excerptOfLink, type LinkExcerpt } from '../../web/excerpt.js';
import type { Block } from './render.js';
import { CONTEXT_TEXT_MAX, SECTION_TEXT_MAX } from './limits.js';
import { escapeMrkdwn, fitText } from './mrkdwn.js';
import type { ListenerDeps } from './listeners/deps.js';

/** Footnotes shown in one unfurl; the page has the rest. */
export const UNFURL_FOOTNOTES_MAX = 3;
/** Characters of one footnote in an unfurl. */
const UNFURL_FOOTNOTE_TEXT_MAX = 400;
/** Blocks of one unfurl (Slack allows 50; a preview should stay small). */
export const UNFURL_BLOCKS_MAX = 6;

/** An unfurl's blocks for an excerpt. */
export function unfurlBlocks(excerpt: LinkExcerpt): Block[] {
  const title = `*<${excerpt.url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(excerpt.title)}>*`;
  const blocks: Block[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${title}\n${fitText(excerpt.byline, SECTION_TEXT_MAX - title.length - 1)}`, verbatim: true } },
  ];
  const quoted = fitText(excerpt.text, SECTION_TEXT_MAX - 200)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: quoted, verbatim: true } });
  const notes = excerpt.footnotes.slice(0, UNFURL_FOOTNOTES_MAX);
  if (notes.length > 0) {
    const more = excerpt.footnotes.length - notes.length;
    blocks.push({
      type: 'context',
      elements: [
        ...notes.map((note) => ({
          type: 'mrkdwn' as const,
          text: `${superscript(note.number)} ${fitText(note.text, Math.min(UNFURL_FOOTNOTE_TEXT_MAX, CONTEXT_TEXT_MAX - 10))}`,
          verbatim: true,
        })),
        ...(more > 0 ? [{ type: 'mrkdwn' as const, text: `${more} more ${more === 1 ? 'note' : 'notes'} on the page`, verbatim: true }] : []),
      ],
    });
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(SOURCE_CAVEAT), verbatim: true }] });
  return blocks.slice(0, UNFURL_BLOCKS_MAX);
}

type LinkSharedArgs = SlackEventMiddlewareArgs<'link_shared'> & AllMiddlewareArgs;

/** The parts of `link_shared` the listener uses; at most Slack's 5 links per message, each a URL. */
const LinkSharedSchema = z.object({
  channel: z.string().min(1),
  message_ts: z.string().min(1),
  unfurl_id: z.string().min(1).optional(),
  source: z.string().min(1).optional(),
  links: z.array(z.object({ url: z.string().max(2000) })).max(20),
});

/** The `link_shared` listener: unfurl every reading-room link of the message (others are left alone). */
export function linkSharedListener(deps: ListenerDeps & { readingRoom: Pick<WebSettings, 'publicUrl'> }) {
  return async ({ event, client }: LinkSharedArgs): Promise<void> => {
    const parsed = LinkSharedSchema.safeParse(event);
    if (!parsed.success) {
      deps.logger.warn('Slack: link_shared event not understood', { issues: parsed.error.issues.length });
      return;
    }
    const shared = parsed.data;
    const unfurls: Record<string, { blocks: Block[] }> = {};
    for (const link of shared.links) {
      const excerpt = excerptOfLink(deps.lexicon, deps.readingRoom, link.url);
      if (excerpt) unfurls[link.url] = { blocks: unfurlBlocks(excerpt) };
    }
    if (Object.keys(unfurls).length === 0) return;
    // A link typed in the message composer is unfurled by its unfurl_id; a posted one by channel and ts.
    const where =
      shared.unfurl_id && shared.source === 'composer'
        ? { unfurl_id: shared.unfurl_id, source: 'composer' as const }
        : { channel: shared.channel, ts: shared.message_ts };
    try {
      await client.chat.unfurl({ ...where, unfurls });
    } catch (error) {
      deps.logger.warn('Slack: chat.unfurl failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
}
