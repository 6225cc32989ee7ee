/**
 * The views of the Slack app: the App Home tab (the lexicon by contribution, with a search box),
 * the share modal (a type-ahead entry picker), and a modal that shows an answer.
 */
import type { types } from '@slack/bolt';
import { encodeActionState } from '../../core/action-state.js';
import { withoutShare } from '../../core/buttons.js';
import { authorsText, pieceLabel, referenceOf } from '../../core/entry-views.js';
import type { Lexicon } from '../../core/lexicon.js';
import { command, type Reply } from '../../core/reply.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { caveatNotice, DOCUMENT_TITLE } from '../../i18n/words.js';
import type { UiLocale } from '../../i18n/locale.js';
import { proseOf } from '../../core/prose.js';
import type { TermMatch } from '../../search/types.js';
import {
  ANSWER_VIEW_CALLBACK_ID,
  ENTRY_PICK_ACTION_ID,
  ENTRY_PICK_BLOCK_ID,
  HOME_SEARCH_ACTION_ID,
  SETTING_ACTION_PREFIX,
  SHARE_VIEW_CALLBACK_ID,
} from './ids.js';
import { SETTINGS, settingKeys, settingWord, type SettingDefinition } from '../../core/settings.js';
import type { SettingValues } from '../../core/store.js';
import { HEADER_TEXT_MAX, OPTION_TEXT_MAX, OPTION_VALUE_MAX, OPTIONS_MAX, SECTION_TEXT_MAX, VIEW_BLOCKS_MAX, VIEW_TITLE_MAX } from './limits.js';
import { escapeMrkdwn, fitPlain, fitText } from './mrkdwn.js';
import { ACTION_ID_PREFIX, renderReply, slackCommand, type Block } from './render.js';

type View = types.View;
type Option = types.PlainTextOption;

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: fitPlain(text, max), emoji: true };
}

/** The workspace's settings as the Home tab shows them; `editable` for admins and owners. */
export interface HomeSettings {
  values: SettingValues;
  editable: boolean;
}

/** The settings section of the Home tab, in the reader's language: each setting with its value, as a menu for admins (from the one table of settings). */
function settingsBlocks({ values, editable }: HomeSettings, tr: Translator): Block[] {
  const notSet = tr.t('slack.home.notSetDefault');
  const explain = editable ? tr.t('slack.home.settingsEditable', { command: '`/lexicon settings … channel`' }) : tr.t('slack.home.settingsReadOnly', { command: '`/lexicon settings`' });
  const blocks: Block[] = [
    { type: 'divider' },
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: `*${escapeMrkdwn(tr.t('slack.home.settingsTitle'))}* — ${explain}` } },
  ];
  for (const definition of SETTINGS) {
    const setting = definition as SettingDefinition;
    const keys = settingKeys(setting);
    const word = values[setting.name] === undefined ? undefined : settingWord(setting, values[setting.name]);
    const options: Option[] = [...setting.choices.map((choice) => ({ word: choice.word, label: tr.t(keys.label(choice.word)) })), { word: 'default', label: notSet }].map((choice) => ({
      text: plain(`${choice.word} — ${choice.label}`, OPTION_TEXT_MAX),
      value: choice.word,
    }));
    const text = `*${setting.name}*${tr.colon}${word ?? notSet}\n${escapeMrkdwn(tr.t(keys.description))}`;
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', verbatim: true, text },
      ...(editable
        ? { accessory: { type: 'static_select', action_id: `${SETTING_ACTION_PREFIX}${setting.name}`, options, initial_option: options.find((option) => option.value === (word ?? 'default'))! } }
        : {}),
    });
  }
  return blocks;
}

/**
 * The App Home tab, in the reader's locale: a search box, the workspace's settings (when known),
 * then every entry grouped by contribution, each with a Define button.
 */
export function homeView(lexicon: Lexicon, settings?: HomeSettings, locale?: UiLocale): View {
  const tr = createTranslator(locale);
  const intro = proseOf(tr, 'slack.homeIntro', { define: command('define'), search: command('search', '…') })
    .map((piece) => (typeof piece === 'string' ? piece : `\`${slackCommand(piece)}\``))
    .join('');
  const blocks: Block[] = [
    { type: 'header', text: plain(tr.t('slack.homeTitle', { title: DOCUMENT_TITLE }), HEADER_TEXT_MAX) },
    { type: 'section', text: { type: 'mrkdwn', verbatim: true, text: intro } },
    {
      type: 'actions',
      elements: [
        {
          type: 'external_select',
          action_id: HOME_SEARCH_ACTION_ID,
          placeholder: plain(tr.t('slack.searchPlaceholder'), OPTION_TEXT_MAX),
          min_query_length: 0,
        },
      ],
    },
  ];
  if (settings) blocks.push(...settingsBlocks(settings, tr));
  const groups = new Map<string, Lexicon['entries'][number][]>();
  for (const entry of lexicon.entries) groups.set(entry.contribution, [...(groups.get(entry.contribution) ?? []), entry]);
  let index = 0;
  for (const [contribution, entries] of groups) {
    blocks.push({ type: 'divider' }, { type: 'header', text: plain(contribution, HEADER_TEXT_MAX) });
    for (const entry of entries) {
      const text = `*${escapeMrkdwn(entry.term)}* · ${escapeMrkdwn(authorsText(entry.authors, tr))}\n${escapeMrkdwn(pieceLabel(entry))}`;
      blocks.push({
        type: 'section',
        text: { type: 'mrkdwn', text: fitText(text, SECTION_TEXT_MAX, (piece) => piece), verbatim: true },
        accessory: {
          type: 'button',
          action_id: `${ACTION_ID_PREFIX}define:home:${index++}`,
          text: plain(tr.t('slack.defineButton'), OPTION_TEXT_MAX),
          value: encodeActionState({ kind: 'open', request: { command: 'define', options: { term: entry.id } } }),
        },
      });
    }
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(caveatNotice(tr)), verbatim: true }] });
  return { type: 'home', blocks: blocks.slice(0, VIEW_BLOCKS_MAX) };
}

/** What the share modal remembers between opening and submission: where to post. */
export interface ShareTarget {
  channel: string;
  threadTs: string;
}

/** The modal of the "Share lexicon excerpt" shortcut, in the reader's language. */
export function shareModal(target: ShareTarget, locale?: UiLocale): View {
  const tr = createTranslator(locale);
  return {
    type: 'modal',
    callback_id: SHARE_VIEW_CALLBACK_ID,
    private_metadata: JSON.stringify(target),
    title: plain(tr.t('slack.share.title'), VIEW_TITLE_MAX),
    submit: plain(tr.t('slack.share.submit'), VIEW_TITLE_MAX),
    close: plain(tr.t('slack.share.cancel'), VIEW_TITLE_MAX),
    blocks: [
      {
        type: 'input',
        block_id: ENTRY_PICK_BLOCK_ID,
        label: plain(tr.t('slack.share.label'), 2000),
        element: {
          type: 'external_select',
          action_id: ENTRY_PICK_ACTION_ID,
          placeholder: plain(tr.t('slack.share.placeholder'), OPTION_TEXT_MAX),
          min_query_length: 0,
        },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: escapeMrkdwn(tr.t('slack.share.note')), verbatim: true }],
      },
    ],
  };
}

/** A modal showing an answer (from the Home tab); its paging buttons update it in place. */
export function answerModal(reply: Reply): View {
  const message = renderReply(withoutShare(reply), { maxBlocks: VIEW_BLOCKS_MAX });
  const tr = createTranslator(reply.locale);
  return {
    type: 'modal',
    callback_id: ANSWER_VIEW_CALLBACK_ID,
    title: plain(tr.t('reply.lexicon'), VIEW_TITLE_MAX),
    close: plain(tr.t('slack.close'), VIEW_TITLE_MAX),
    blocks: message.blocks,
  };
}

/** The value a picked option carries: what `define` accepts as a term ("empathy/confidence"). */
export function optionValue(match: Pick<TermMatch, 'entryId' | 'sectionId' | 'glossaryTerm'>): string {
  // A glossary term ("ARF") is offered beside the entries, by its address ("trust@arf").
  return referenceOf(match).slice(0, OPTION_VALUE_MAX);
}

/** Options for a type-ahead: search suggestions, or the whole lexicon for an empty query. */
export function entryOptions(lexicon: Lexicon, query: string): Option[] {
  const trimmed = query.trim();
  const matches: Pick<TermMatch, 'entryId' | 'sectionId' | 'glossaryTerm' | 'label'>[] =
    trimmed === ''
      ? lexicon.entries.map((entry) => ({ entryId: entry.id, label: `${entry.term} — ${authorsText(entry.authors)}` }))
      : lexicon.search.suggest(trimmed.slice(0, 200), 20);
  const seen = new Set<string>();
  const options: Option[] = [];
  for (const match of matches) {
    const value = optionValue(match);
    if (seen.has(value)) continue;
    seen.add(value);
    options.push({ text: plain(match.label, OPTION_TEXT_MAX), value });
  }
  return options.slice(0, OPTIONS_MAX);
}
