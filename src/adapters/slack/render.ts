/**
 * The core's Reply as a Slack message: a pure function to Block Kit. Every text a user could have
 * typed is escaped with Slack's rules, and every block, field, button and the block count is kept
 * within Slack's limits (limits.ts), whatever the reply holds.
 */
import type { types } from '@slack/bolt';
import { encodeActionState } from '../../core/action-state.js';
import { placeOfReply, type Block as ReplyBlock, type Citation, type CommandReference, type Fact, type Prose, type Reply, type ReplyAction, type SearchResultView, type TableBlock, type TranslationView } from '../../core/reply.js';
import type { PageLinker } from '../../web/links.js';
import { blockText, proseText } from '../../core/reply-text.js';
import { withoutShare } from '../../core/buttons.js';
import { linesWithHighlights, packMrkdwn, plainLines, type Run } from './chunk.js';
import {
  ACTION_ID_MAX,
  ACTIONS_ELEMENTS_MAX,
  BUTTON_TEXT_MAX,
  BUTTON_VALUE_MAX,
  CONTEXT_ELEMENTS_MAX,
  CONTEXT_TEXT_MAX,
  FIELD_TEXT_MAX,
  HEADER_TEXT_MAX,
  MESSAGE_BLOCKS_MAX,
  MESSAGE_TEXT_MAX,
  SECTION_FIELDS_MAX,
  SECTION_TEXT_MAX,
} from './limits.js';
import { escapeMrkdwn, fitPlain, fitText } from './mrkdwn.js';
import { suggestionActions, translationsBySource } from '../../core/entry-views.js';
import { DIRECT_COMMANDS, UMBRELLA_COMMAND } from './slash-commands.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { languageName, pageLine } from '../../i18n/words.js';

export type Block = types.KnownBlock;

/** A message ready for chat.postMessage, response_url or an ack: fallback text and blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export interface RenderOptions {
  /**
   * 'private' (the asker's ephemeral copy) carries every button; 'public' (posted for the channel
   * or a thread) carries no share button, and its other buttons answer whoever clicks privately
   * unless they asked for it (`askedBy`).
   */
  audience?: 'private' | 'public';
  /** Slack user id of whoever asked for (or shared) a public copy, shown as "Shared by @…". */
  sharedBy?: string;
  /** Slack user id of whoever may page a public copy in place (remembered in its buttons' block). */
  askedBy?: string;
  /** How to cite what is shared (e.g. a Chicago-style reference), shown under it. */
  citeAs?: string;
  /** Block budget: 50 for a message, up to 100 in a modal. */
  maxBlocks?: number;
  /** Links to the reading room (WEB_PUBLIC_URL is set): the paragraph the answer quotes, each result's passage. */
  links?: PageLinker | undefined;
}

/** Prefix of every action_id we render, so one listener serves every button of ours. */
export const ACTION_ID_PREFIX = 'lx:';

/** Prefix of the block_id of a public message's buttons, followed by the Slack id of who asked. */
export const ASKED_BY_BLOCK_PREFIX = 'lx-asked-by:';

const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** Who may page a public message in place, from the block_id of its buttons (undefined if nobody). */
export function askedByOf(blockId: string | undefined): string | undefined {
  const id = blockId?.startsWith(ASKED_BY_BLOCK_PREFIX) ? blockId.slice(ASKED_BY_BLOCK_PREFIX.length) : undefined;
  return id && USER_ID.test(id) ? id : undefined;
}

/** Render a reply as Block Kit within Slack's limits. */
export function renderReply(reply: Reply, options: RenderOptions = {}): SlackMessage {
  const audience = options.audience ?? 'private';
  const maxBlocks = options.maxBlocks ?? MESSAGE_BLOCKS_MAX;
  const shown = audience === 'public' ? withoutShare(reply) : reply;
  const tr = createTranslator(reply.locale);

  const head: Block[] = [{ type: 'header', text: { type: 'plain_text', text: fitPlain(reply.title || tr.t('reply.lexicon'), HEADER_TEXT_MAX), emoji: true } }];
  const { links } = options;
  const place = links ? placeOfReply(shown) : undefined;
  const url = place ? links?.(place) : undefined;
  const headNotes = [...(reply.subtitle ? [escapeMrkdwn(reply.subtitle)] : []), ...(url ? [`<${url}|${escapeMrkdwn(tr.t('reply.readOnPage'))}>`] : [])];
  if (headNotes.length > 0) head.push(contextBlock(headNotes));

  const buttons: ReplyAction[] = [];
  const body = shown.blocks.flatMap((block): Block[] => {
    if (block.kind === 'suggestions') buttons.push(...suggestionActions(block));
    return bodyBlocks(block, tr, links);
  });

  const tail: Block[] = [];
  const notes: string[] = [];
  if (reply.page.count > 1) notes.push(pageLine(tr, reply.page.index, reply.page.count));
  if (options.citeAs) notes.push(tr.t('reply.citeAs', { citation: escapeMrkdwn(options.citeAs) }));
  if (reply.notice) notes.push(escapeMrkdwn(reply.notice));
  if (audience === 'public' && options.sharedBy && USER_ID.test(options.sharedBy)) notes.push(tr.t('reply.sharedBy', { user: `<@${options.sharedBy}>` }));
  if (notes.length > 0) tail.push(contextBlock(notes));
  const elements = actionButtons([...buttons, ...shown.actions], tr);
  if (elements.length > 0) {
    const actions: types.ActionsBlock = { type: 'actions', elements };
    if (audience === 'public' && options.askedBy && USER_ID.test(options.askedBy)) actions.block_id = `${ASKED_BY_BLOCK_PREFIX}${options.askedBy}`;
    tail.push(actions);
  }

  const room = maxBlocks - head.length - tail.length;
  const fitted = body.length <= room ? body : [...body.slice(0, room - 1), contextBlock([tr.t('reply.shortenedSlack')])];
  return { text: fallbackText(reply, tr), blocks: [...head, ...fitted, ...tail] };
}

/** The notification / screen-reader text of a message. */
function fallbackText(reply: Reply, tr: Translator): string {
  const line = reply.subtitle ? `${reply.title} — ${reply.subtitle}` : reply.title;
  return fitText(line.replace(/\s+/g, ' ').trim() || tr.t('reply.lexicon'), MESSAGE_TEXT_MAX);
}

/**
 * A mrkdwn text object. Verbatim: Slack then links only what we mark up ourselves, so a user's
 * "@channel" or a channel name typed into a query is never turned into a mention or link.
 */
function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function section(text: string): Block {
  return { type: 'section', text: mrkdwn(text) };
}

/** A context block of mrkdwn texts (already escaped), within its element and text limits. */
function contextBlock(texts: string[]): Block {
  return {
    type: 'context',
    elements: texts.slice(0, CONTEXT_ELEMENTS_MAX).map((text) => mrkdwn(clip(text, CONTEXT_TEXT_MAX))),
  };
}

/** Cut already-rendered mrkdwn (a fallback guard; renderers size their text before this). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : fitText(text, max, (piece) => piece);
}

function sections(lines: Run[][], prefix = ''): Block[] {
  return packMrkdwn(lines, SECTION_TEXT_MAX, prefix).map(section);
}

function bodyBlocks(block: ReplyBlock, tr: Translator, links?: PageLinker): Block[] {
  switch (block.kind) {
    case 'quote':
      return sections(linesWithHighlights(block.text, block.highlights), '> ');
    case 'text':
      return sections(plainLines(slackProse(block.text)));
    case 'heading':
      return [section(`*${fitText(block.text.replace(/\s+/g, ' ').trim(), SECTION_TEXT_MAX - 2)}*`)];
    case 'table':
      return tableBlocks(block, tr);
    case 'results':
      return resultBlocks(block.results, links);
    case 'facts':
      return factBlocks(block.facts);
    case 'translations':
      return translationBlocks(block.translations, tr);
    case 'citations':
      return citationBlocks(block.citations, tr);
    case 'see-also':
      return [contextBlock([tr.t('reply.seeAlsoList', { items: block.entries.map((item) => escapeMrkdwn(item.label)).join(' · ') })])];
    case 'suggestions':
      // The suggestions are buttons; this line points at them.
      return block.suggestions.length > 0 ? [section(`*${tr.t('reply.didYouMean')}${tr.colon.trim()}* ${tr.t('reply.didYouMeanButtons')}`)] : [];
    default:
      return sections(plainLines(blockText(block, tr)));
  }
}

/** A command as a Slack user types it: its own slash command, or through the umbrella (Slack reserves `/search`). */
export function slackCommand(reference: CommandReference): string {
  const typed = (DIRECT_COMMANDS as readonly string[]).includes(reference.command) ? `/${reference.command}` : `${UMBRELLA_COMMAND} ${reference.command}`;
  return reference.args === undefined ? typed : `${typed} ${reference.args}`;
}

/** Our prose as plain text, with commands as Slack users type them. */
export function slackProse(prose: Prose): string {
  return proseText(prose, slackCommand);
}

function tableBlocks(table: TableBlock, tr: Translator): Block[] {
  const lines: Run[][] = [[{ text: table.caption, bold: true }]];
  for (const row of table.rows) {
    // Cells after the first are labelled with their column, so an empty one is left out, not shown as "PRC: ;".
    const cells = row.flatMap((cell, index) => {
      const value = cell.replace(/\s*\n\s*/g, ' / ').trim();
      const column = table.columns[index];
      if (index === 0 || !column) return [value];
      return value === '' ? [] : [tr.labelled(column, value)];
    });
    lines.push([
      { text: '• ', bold: false },
      { text: cells[0] ?? '', bold: true },
      { text: cells.length > 1 ? ' — ' + cells.slice(1).join('; ') : '', bold: false },
    ]);
  }
  const blocks = sections(lines);
  if (table.note) blocks.push(contextBlock([fitText(table.note, CONTEXT_TEXT_MAX)]));
  return blocks;
}

function resultBlocks(results: readonly SearchResultView[], links?: PageLinker): Block[] {
  return results.flatMap((result) => {
    const heading: Run[] = [{ text: result.entryTitle, bold: true }];
    if (result.authors.length > 0) heading.push({ text: ' · ' + result.authors.join(', '), bold: false });
    const quoted = packMrkdwn(linesWithHighlights(result.excerpt, result.highlights), SECTION_TEXT_MAX, '> ');
    const url = result.place ? links?.(result.place) : undefined;
    // With a link, the title opens the passage in the reading room.
    const [head = ''] = url
      ? [`*<${url}|${escapeMrkdwn(result.entryTitle)}>*${result.authors.length > 0 ? escapeMrkdwn(' · ' + result.authors.join(', ')) : ''}`]
      : packMrkdwn([heading], SECTION_TEXT_MAX);
    const [first = '', ...rest] = quoted;
    const joined = first && head.length + 1 + first.length <= SECTION_TEXT_MAX ? [`${head}\n${first}`, ...rest] : [head, ...quoted];
    return joined.filter((text) => text !== '').map(section);
  });
}

function factBlocks(facts: readonly Fact[]): Block[] {
  const fields = facts.map((fact) => {
    const name = fitText(fact.label.replace(/\s+/g, ' ').trim(), 200);
    return mrkdwn(`*${name}*\n${fitText(fact.value, FIELD_TEXT_MAX - name.length - 3)}`);
  });
  const blocks: Block[] = [];
  for (let i = 0; i < fields.length; i += SECTION_FIELDS_MAX) {
    blocks.push({ type: 'section', fields: fields.slice(i, i + SECTION_FIELDS_MAX) });
  }
  return blocks;
}

/** Translations under their provenance: each source named once, above the renderings it records. */
function translationBlocks(all: readonly TranslationView[], tr: Translator): Block[] {
  if (all.length === 0) return [];
  const lines: Run[][] = [[{ text: tr.t('reply.translationsRecorded'), bold: true }]];
  for (const { source, translations } of translationsBySource(all, tr)) {
    lines.push([{ text: tr.t('reply.source', { source }), bold: false }]);
    // Renderings without glosses of one language and concept share a line: "• *Korean* — trust: 신임 (Shin-im) · 신용 (Shin-yong)".
    const shared = new Map<string, Run[]>();
    for (const translation of translations) {
      const rendering = [translation.text, translation.romanization ? (translation.text ? `(${translation.romanization})` : translation.romanization) : undefined].filter(Boolean).join(' ');
      const glossed = Boolean(translation.glosses && translation.glosses.length > 0);
      const key = `${translation.languageName}\u0000${translation.concept}`;
      const line = shared.get(key);
      if (!glossed && line) {
        line.push({ text: ` · ${rendering}`, bold: false });
        continue;
      }
      const runs: Run[] = [
        { text: '• ', bold: false },
        { text: languageName(tr, translation.language), bold: true },
        { text: ` — ${tr.labelled(translation.concept, rendering)}`, bold: false },
      ];
      if (!glossed) shared.set(key, runs);
      lines.push(runs);
      if (translation.glosses && translation.glosses.length > 0) {
        lines.push([{ text: '    ' + translation.glosses.map((gloss) => `${gloss.word} = ${gloss.meaning}`).join('; '), bold: false }]);
      }
    }
  }
  return sections(lines);
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(number: number): string {
  return String(number).replace(/\d/g, (digit) => SUPERSCRIPT[Number(digit)] ?? digit);
}

function citationBlocks(citations: readonly Citation[], tr: Translator): Block[] {
  if (citations.length === 0) return [];
  const lines: Run[][] = [[{ text: tr.t('reply.footnotes'), bold: true }]];
  for (const citation of citations) {
    lines.push([{ text: `${superscript(citation.number)} `, bold: false }, ...withLinks(citation.text, citation.urls)]);
    for (const url of citation.urls) {
      if (!citation.text.includes(url)) lines.push([{ text: '    ', bold: false }, { text: url, bold: false, link: true }]);
    }
  }
  return sections(lines);
}

/** Text with the footnote's own URLs as links (only http(s) URLs; the rest stays text). */
function withLinks(text: string, urls: readonly string[]): Run[] {
  const linkable = urls.filter((url) => /^https?:\/\/\S+$/.test(url) && text.includes(url)).sort((a, b) => b.length - a.length);
  if (linkable.length === 0) return [{ text, bold: false }];
  const pattern = new RegExp(`(${linkable.map((url) => url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text
    .split(pattern)
    .filter((piece) => piece !== '')
    .map((piece) => (linkable.includes(piece) ? { text: piece, bold: false, link: true } : { text: piece, bold: false }));
}

/** In Slack, sharing means posting the private answer to the channel: say so on the button. */
function buttonLabel(action: ReplyAction, tr: Translator): string {
  if (action.kind !== 'share') return action.label || action.kind;
  return action.subject ? tr.t('button.post', { subject: action.subject }) : tr.t('button.postToChannel');
}

/** The reply's follow-ups as buttons; an action whose state cannot be encoded is left out. */
function actionButtons(actions: readonly ReplyAction[], tr: Translator): types.Button[] {
  const seen = new Set<string>();
  const buttons: types.Button[] = [];
  for (const [index, action] of actions.entries()) {
    if (buttons.length >= ACTIONS_ELEMENTS_MAX) break;
    let value: string;
    try {
      value = encodeActionState(action, BUTTON_VALUE_MAX);
    } catch {
      continue; // state too long: no button rather than a broken one
    }
    if (seen.has(value)) continue;
    seen.add(value);
    const button: types.Button = {
      type: 'button',
      action_id: `${ACTION_ID_PREFIX}${action.kind}:${index}`.slice(0, ACTION_ID_MAX),
      text: { type: 'plain_text', text: fitPlain(buttonLabel(action, tr), BUTTON_TEXT_MAX), emoji: true },
      value,
    };
    if (action.kind === 'share') button.style = 'primary';
    buttons.push(button);
  }
  return buttons;
}
