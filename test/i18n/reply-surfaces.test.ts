/**
 * Every reply kind, rendered on every surface (console, Discord, Slack) in every locale:
 * - in the pseudo-locale en-XA, where every catalog literal is marked ⟦…⟧, nothing of ours is left
 *   unmarked: what remains outside the marks is the document's own text (quotes, tables, footnotes,
 *   names, titles, the caveat), the reader's own input, command names, numbers and punctuation;
 * - in every locale, each rendering stays within the platform's limits.
 * The verbatim parts are taken from the reply itself and the entries it names, so the authors' words
 * are excluded by construction, never by a list of allowed English words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import type { Reply, Prose } from '../../src/core/reply.js';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import { dispatcher } from '../../src/dispatcher.js';
import { answerTextLine } from '../../src/core/text-request.js';
import { answerButton, sourcesOf } from '../../src/core/buttons.js';
import { encodeActionState } from '../../src/core/action-state.js';
import { somethingWentWrong } from '../../src/core/errors.js';
import { renderReplyForTerminal } from '../../src/adapters/console/render.js';
import { embedLength, renderNotice, renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { proseText } from '../../src/core/reply-text.js';
import { slackCommand } from '../../src/adapters/slack/render.js';
import {
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  BUTTON_LABEL_MAX,
  MESSAGE_CONTENT_MAX,
} from '../../src/adapters/discord/limits.js';
import { allText, limitProblems } from '../adapters/slack/limits-check.js';
import { LOCALES, PSEUDO_LOCALE, type UiLocale } from '../../src/i18n/locale.js';
import { DOCUMENT_CAVEAT, DOCUMENT_TITLE } from '../../src/i18n/words.js';
import { entryTexts, unmarked } from './pseudo-check.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

/** One typed line for each reply kind and each branch of our wording. */
const LINES = [
  'define empathy',
  'define trust',
  'define CBMs',
  'define 信賴',
  'define xylophone',
  'define welch',
  'define mutual vulnerability',
  'define',
  'translate trust',
  'translate trust ja',
  'translate empathy ko',
  'translate overview',
  'translate wibble',
  'translate 信任',
  'cite trust',
  'cite trust 28',
  'cite 28',
  'cite empathy 28',
  'cite trust 999',
  'cite Przystup',
  'search south china sea',
  'search costly signals',
  'search qwxzv',
  'search CBMs',
  'compare confidence trust',
  'compare empathy xylophone',
  'compare crisis management opportunity management',
  'read overview',
  'read empathy Confidence',
  'read empathy nonsense',
  'read new model',
  'entries',
  'help',
  'defne empathy',
  'what is empathy',
  'empathy是什么意思',
];

const SURFACE_USER = 'U0ASKER01';

/** Every reply worth rendering for one locale: each line's first and (if any) second page, and the button answers. */
function replies(locale: UiLocale): Reply[] {
  const out: Reply[] = [];
  for (const line of LINES) {
    const reply = answerTextLine(dispatcher, lexicon, line, locale);
    out.push(reply);
    if (reply.page.count > 1) out.push(dispatcher.dispatch(lexicon, { ...reply.request, page: 2, locale }));
    if (reply.entryId && reply.kind !== 'citation') out.push(sourcesOf(lexicon, reply));
  }
  return out;
}

/** The button notices: out of date, already public. */
function notices(locale: UiLocale): Prose[] {
  const empathy = answerTextLine(dispatcher, lexicon, 'define empathy', locale);
  const share = empathy.actions.find((action) => action.kind === 'share')!;
  const already = answerButton(dispatcher, lexicon, { state: encodeActionState(share), clickerId: SURFACE_USER, message: { visibility: 'public', askedBy: SURFACE_USER }, locale });
  const stale = answerButton(dispatcher, lexicon, { state: 'garbage', clickerId: SURFACE_USER, message: { visibility: 'private' }, locale });
  return [already, stale].map((answer) => (answer.action === 'notice' ? answer.text : ['not a notice']));
}

function consoleText(reply: Reply): string {
  return renderReplyForTerminal(reply, { color: false, width: 80 });
}

function discordTexts(reply: Reply, mode: 'private' | 'public'): string {
  const payload = renderDiscord(reply, mode === 'public' ? { kind: 'public', sharedByUserId: '123456789012345678' } : { kind: 'private' });
  const embed = payload.embeds[0]!;
  const buttons = payload.components.flatMap((row) => row.components.map((button) => button.label ?? ''));
  return [payload.content ?? '', embed.title ?? '', embed.author?.name ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text ?? '', ...buttons].join('\n');
}

function slackTexts(reply: Reply, audience: 'private' | 'public'): string {
  const message = renderSlack(reply, { audience, sharedBy: SURFACE_USER, askedBy: SURFACE_USER });
  return [message.text, allText(message)].join('\n');
}

/** The document's own words in a reply: its verbatim blocks, and the names and texts of the entries it names. */
function verbatimOf(reply: Reply, asked: string): string[] {
  // Names that stay as they are in every language: command and option names (Slack's umbrella /lexicon,
  // the console's /next, /prev, /sources), language codes, the platform's user ids.
  const names = dispatcher.commands.flatMap((c) => [c.name, ...dispatcher.optionsOf(c).map((o) => o.name)]);
  const texts: string[] = [DOCUMENT_TITLE, DOCUMENT_CAVEAT, ...lexicon.translations.concepts, asked, ...asked.split(/\s+/), ...names, 'lexicon', 'next', 'prev', 'sources', 'zh', 'ja', 'ko', SURFACE_USER];
  const entryIds = new Set<string>();
  if (reply.entryId) entryIds.add(reply.entryId);
  for (const value of Object.values(reply.request.options)) texts.push(String(value));
  for (const block of reply.blocks) {
    switch (block.kind) {
      case 'quote':
      case 'heading':
        texts.push(block.text);
        break;
      case 'table':
        texts.push(block.caption, ...block.columns, ...block.rows.flat(), block.note ?? '');
        break;
      case 'citations':
        for (const c of block.citations) {
          texts.push(c.text, ...c.urls);
          entryIds.add(c.entryId);
        }
        break;
      case 'translations':
        for (const t of block.translations) {
          texts.push(t.concept, t.text ?? '', t.romanization ?? '', ...(t.source.kind ? [] : [t.source.label]), t.source.by ?? '', t.source.date ?? '', ...(t.glosses ?? []).flatMap((g) => [g.word, g.meaning]));
          entryIds.add(t.entryId);
        }
        break;
      case 'results':
        for (const r of block.results) {
          texts.push(r.excerpt, ...r.authors);
          entryIds.add(r.entryId);
        }
        break;
      case 'suggestions':
        for (const s of block.suggestions) {
          texts.push(s.label, s.glossaryTerm ?? '');
          entryIds.add(s.entryId);
        }
        break;
      case 'see-also':
        for (const s of block.entries) {
          texts.push(s.label);
          entryIds.add(s.entryId);
        }
        break;
      case 'text':
        // Our prose: only the commands it names are not ours to translate.
        for (const piece of block.text) if (typeof piece !== 'string') texts.push(piece.command, piece.args ?? '');
        break;
      case 'facts':
        break;
    }
  }
  for (const action of reply.actions) for (const value of Object.values(action.request.options)) texts.push(String(value));
  // Entries named by the reply's pieces or its buttons (a "Next piece" names the next entry).
  for (const action of reply.actions) {
    const term = action.request.options.term ?? action.request.options.entry ?? action.request.options.first;
    if (typeof term === 'string') entryIds.add(term.split(/[/@]/)[0]!);
    if (typeof action.request.options.second === 'string') entryIds.add(action.request.options.second.split(/[/@]/)[0]!);
  }
  for (const id of entryIds) {
    const entry = lexicon.entry(id);
    if (entry) texts.push(...entryTexts(entry));
  }
  for (const entry of lexicon.entries) if (reply.blocks.some((b) => b.kind === 'text' && b.text.some((p) => typeof p === 'string' && p.includes(entry.term)))) texts.push(...entryTexts(entry));
  if (reply.kind === 'list' || reply.kind === 'citation' || reply.kind === 'translation' || reply.kind === 'usage-error') for (const entry of lexicon.entries) texts.push(...entryTexts(entry));
  return texts.filter((text) => text.trim() !== '');
}

describe('every reply of ours goes through the catalog (pseudo-locale en-XA)', () => {
  it('leaves nothing of ours unmarked on the console, Discord (private, public) or Slack (private, public)', () => {
    const problems: string[] = [];
    LINES.forEach((line) => {
      const reply = answerTextLine(dispatcher, lexicon, line, PSEUDO_LOCALE);
      const pages = reply.page.count > 1 ? [reply, dispatcher.dispatch(lexicon, { ...reply.request, page: reply.page.count, locale: PSEUDO_LOCALE })] : [reply];
      const all = [...pages, ...(reply.entryId && reply.kind !== 'citation' ? [sourcesOf(lexicon, reply)] : [])];
      for (const shown of all) {
        expect(shown.locale, line).toBe(PSEUDO_LOCALE);
        const verbatim = verbatimOf(shown, line);
        const renderings: [string, string][] = [
          ['console', consoleText(shown)],
          ['discord', discordTexts(shown, 'private')],
          ['discord public', discordTexts(shown, 'public')],
          ['slack', slackTexts(shown, 'private')],
          ['slack public', slackTexts(shown, 'public')],
        ];
        for (const [surface, rendered] of renderings) {
          const left = unmarked(rendered, verbatim);
          if (left.length > 0) problems.push(`${line} · ${shown.title} · ${surface}: ${left.join(', ')}`);
        }
      }
    });
    for (const notice of notices(PSEUDO_LOCALE)) {
      for (const rendered of [proseText(notice), proseText(notice, slackCommand), renderNotice(notice).content ?? '']) {
        const left = unmarked(rendered, ['define empathy']);
        if (left.length > 0) problems.push(`notice: ${left.join(', ')}`);
      }
    }
    const left = unmarked(somethingWentWrong('EABCDE', PSEUDO_LOCALE), ['EABCDE']);
    if (left.length > 0) problems.push(`error: ${left.join(', ')}`);
    expect(problems).toEqual([]);
  });

  it('would catch a sentence that bypasses the catalog', () => {
    const reply = answerTextLine(dispatcher, lexicon, 'define empathy', PSEUDO_LOCALE);
    const leaky: Reply = { ...reply, blocks: [{ kind: 'text', text: ['Nothing here is marked.'] }, ...reply.blocks] };
    expect(unmarked(consoleText(leaky), verbatimOf(leaky, 'define empathy'))).toContain('nothing here is marked');
  });
});

function discordProblems(reply: Reply): string[] {
  const problems: string[] = [];
  for (const mode of [{ kind: 'private' as const }, { kind: 'public' as const, sharedByUserId: '123456789012345678' }]) {
    const payload = renderDiscord(reply, mode);
    const embed: APIEmbed = payload.embeds[0]!;
    const check = (what: string, length: number, max: number) => {
      if (length > max) problems.push(`${mode.kind} ${what}: ${length} > ${max}`);
    };
    check('title', embed.title?.length ?? 0, EMBED_TITLE_MAX);
    check('description', embed.description?.length ?? 0, EMBED_DESCRIPTION_MAX);
    check('author', embed.author?.name.length ?? 0, EMBED_AUTHOR_NAME_MAX);
    check('footer', embed.footer?.text.length ?? 0, EMBED_FOOTER_MAX);
    check('fields', embed.fields?.length ?? 0, EMBED_FIELDS_MAX);
    for (const f of embed.fields ?? []) {
      check('field name', f.name.length, EMBED_FIELD_NAME_MAX);
      check('field value', f.value.length, EMBED_FIELD_VALUE_MAX);
      if (f.name.trim() === '' || f.value.trim() === '') problems.push(`${mode.kind} empty field`);
    }
    check('embed', embedLength(embed), EMBED_TOTAL_MAX);
    check('content', payload.content?.length ?? 0, MESSAGE_CONTENT_MAX);
    for (const row of payload.components) for (const button of row.components) check('button', button.label?.length ?? 0, BUTTON_LABEL_MAX);
  }
  return problems;
}

describe('every reply kind in every locale stays within the platform limits', () => {
  it.each<UiLocale>([...LOCALES, PSEUDO_LOCALE])('%s: Discord embeds and buttons, Slack blocks, console lines', (locale) => {
    const problems: string[] = [];
    for (const reply of replies(locale)) {
      expect(reply.locale).toBe(locale);
      problems.push(...discordProblems(reply).map((p) => `${reply.title}: discord ${p}`));
      for (const audience of ['private', 'public'] as const) {
        const message = renderSlack(reply, { audience, sharedBy: SURFACE_USER, askedBy: SURFACE_USER });
        problems.push(...limitProblems(message, undefined, [`<@${SURFACE_USER}>`]).map((p) => `${reply.title}: slack ${audience} ${p}`));
      }
      expect(consoleText(reply).length).toBeGreaterThan(0);
    }
    for (const notice of notices(locale)) expect(renderNotice(notice).content!.length).toBeLessThanOrEqual(MESSAGE_CONTENT_MAX);
    expect(problems).toEqual([]);
  });

  it('speaks the locale asked for: a Japanese reply has Japanese where English has English', () => {
    const en = answerTextLine(dispatcher, lexicon, 'define xylophone', 'en');
    const ja = answerTextLine(dispatcher, lexicon, 'define xylophone', 'ja');
    expect(consoleText(en)).toContain('The document does not discuss');
    expect(consoleText(ja)).toContain('文書は「xylophone」を論じていません');
    expect(discordTexts(ja, 'private')).toContain('もしかして');
    expect(slackTexts(ja, 'private')).toContain('もしかして');
  });
});
