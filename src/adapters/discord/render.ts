/**
 * Render the core's Reply as a discord.js message payload: one embed and button rows. A pure
 * function: same reply in, same payload out; every Discord limit (limits.ts) is respected whatever
 * the reply holds, and every payload carries `allowedMentions: { parse: [] }` so nothing pings.
 */
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from 'discord.js';
import { encodeActionState } from '../../core/action-state.js';
import { placeOfReply, type BlockOf, type Citation, type Highlight, type Prose, type Reply, type ReplyAction, type TranslationView } from '../../core/reply.js';
import type { PageLinker } from '../../web/links.js';
import { blockText, proseText } from '../../core/reply-text.js';
import { withoutShare } from '../../core/buttons.js';
import { authorsText, suggestionActions, translationsBySource } from '../../core/entry-views.js';
import { clipMarkdown, clipPlain, escapeText } from './markdown.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { languageName, pageLine } from '../../i18n/words.js';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW,
  CUSTOM_ID_MAX,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
  MESSAGE_CONTENT_MAX,
} from './limits.js';

/** Mentions are never parsed: `@everyone`, roles and users typed into a query never ping. */
export const NO_MENTIONS = { parse: [] as [] };

/** What a render produces; spread it into reply / followUp / update / channel.send. */
export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: typeof NO_MENTIONS;
}

/**
 * Who sees the message: `private` (the asker alone: every button, footnotes behind Sources) or
 * `public` (everyone: footnotes included, no share button; "Shared by" when it was shared).
 */
export type RenderMode = { kind: 'private' } | { kind: 'public'; sharedByUserId?: string };

/** Discord's wording for the core's share action (English; the catalog's `button.postToChannel`). */
export const SHARE_LABEL = createTranslator().t('button.postToChannel');

const COLOURS: Partial<Record<Reply['kind'], number>> = {
  definition: 0x2f6f9f,
  translation: 0x3f8f5f,
  citation: 0x7f5f2f,
  search: 0x5f5f9f,
  comparison: 0x2f6f9f,
  'no-match': 0x9f7f2f,
  'usage-error': 0x9f7f2f,
  error: 0x9f2f2f,
};

const BUTTON_STYLE_PRIMARY = 1;
const BUTTON_STYLE_SECONDARY = 2;
const COMPONENT_ACTION_ROW = 1;
const COMPONENT_BUTTON = 2;

/**
 * Render a reply for Discord. With `links` (WEB_PUBLIC_URL is set), the title links to the very
 * paragraph or section the answer quotes in the reading room, and each search result's heading to
 * its passage.
 */
export function renderReply(reply: Reply, mode: RenderMode = { kind: 'private' }, links?: PageLinker): DiscordPayload {
  const tr = createTranslator(reply.locale);
  const shown = mode.kind === 'public' ? withoutShare(reply) : reply;
  // Footnotes sit behind the Sources button in a private answer; a public copy carries them.
  const showCitations = mode.kind === 'public' || reply.kind === 'citation';
  const body: string[] = [];
  const fields: DraftField[] = [];
  const buttons: ReplyAction[] = [];
  for (const block of shown.blocks) {
    switch (block.kind) {
      case 'quote':
      case 'text':
      case 'heading':
      case 'table':
      case 'results':
        body.push(renderBodyBlock(block, tr, links));
        break;
      case 'facts':
        fields.push(...block.facts.map((fact) => field(fact.label, escapeText(fact.value), true)));
        break;
      case 'translations':
        fields.push(...translationFields(block.translations, tr));
        break;
      case 'citations':
        if (showCitations) fields.push(...citationFields(block.citations, tr));
        break;
      case 'see-also':
        fields.push(...listField(tr.t('reply.seeAlso'), block.entries.map((s) => s.label)));
        break;
      case 'suggestions':
        // Each suggestion is a button; the field only points at them.
        buttons.push(...suggestionActions(block));
        if (block.suggestions.length > 0) fields.push(field(tr.t('reply.didYouMean'), tr.t('reply.didYouMeanButtons')));
        break;
      default:
        body.push(escapeText(blockText(block, tr)));
    }
  }
  const embed = fitEmbed({
    title: reply.title,
    author: reply.subtitle,
    description: body.filter((text) => text.length > 0).join('\n\n'),
    fields,
    footer: footerText(reply, tr),
    colour: COLOURS[reply.kind],
  }, tr);
  const place = links ? placeOfReply(shown) : undefined;
  const url = place ? links?.(place) : undefined;
  if (url) embed.url = url;
  const payload: DiscordPayload = { embeds: [embed], components: buttonRows([...buttons, ...shown.actions], tr), allowedMentions: NO_MENTIONS };
  if (mode.kind === 'public' && mode.sharedByUserId) payload.content = clipPlain(tr.t('reply.sharedBy', { user: `<@${mode.sharedByUserId}>` }), MESSAGE_CONTENT_MAX);
  return payload;
}

/** A plain private message (errors, notices), with mentions off. */
export function renderNotice(text: string | Prose): DiscordPayload {
  const plain = typeof text === 'string' ? text : proseText(text);
  return { content: clipMarkdown(escapeText(plain), MESSAGE_CONTENT_MAX), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

// ---- body ----

function renderBodyBlock(block: BlockOf<'quote' | 'text' | 'heading' | 'table' | 'results'>, tr: Translator, links?: PageLinker): string {
  switch (block.kind) {
    case 'quote':
      return quoted(withHighlights(block.text, block.highlights ?? []));
    case 'text':
      return escapeText(proseText(block.text));
    case 'heading':
      return `**${escapeText(block.text)}**`;
    case 'table': {
      const lines = [`**${escapeText(block.caption)}**`];
      if (block.columns.length > 0) lines.push(`*${block.columns.map((c) => escapeText(oneLine(c))).join(' · ')}*`);
      // An empty cell keeps its place as a dash, so the cells still line up with the column names.
      for (const row of block.rows) lines.push(`• ${row.map((cell) => escapeText(oneLine(cell)) || '—').join(' · ')}`);
      if (block.note) lines.push(escapeText(block.note));
      return lines.join('\n');
    }
    case 'results':
      return block.results
        .map((r) => {
          const heading = escapeText(`${r.entryTitle} — ${authorsText(r.authors, tr)}`);
          const url = r.place ? links?.(r.place) : undefined;
          // A masked link: the heading opens the passage in the reading room.
          return `**${url ? `[${heading}](${url})` : heading}**\n${quoted(withHighlights(r.excerpt, r.highlights))}`;
        })
        .join('\n\n');
  }
}

function quoted(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ');
}

/** Escape `text` and bold its highlighted ranges, never letting a bold span cross a line break. */
export function withHighlights(text: string, highlights: Highlight[]): string {
  const ranges = [...highlights]
    .map(([start, end]) => [Math.max(0, start), Math.min(text.length, end)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at) continue; // overlapping range: the earlier one wins
    out += escapeText(text.slice(at, start));
    out += text
      .slice(start, end)
      .split('\n')
      .map((line) => (line.trim() ? `**${escapeText(line)}**` : line))
      .join('\n');
    at = end;
  }
  return out + escapeText(text.slice(at));
}

// ---- fields ----

interface DraftField {
  name: string;
  value: string;
  inline?: boolean;
}

function field(name: string, value: string, inline?: boolean): DraftField {
  return inline ? { name, value, inline } : { name, value };
}

/**
 * One field per source the translations are recorded in, named after the concepts it renders, with
 * the source named once above its renderings.
 */
function translationFields(translations: readonly TranslationView[], tr: Translator): DraftField[] {
  return translationsBySource(translations, tr).flatMap(({ source, translations }) => {
    const concepts = [...new Set(translations.map((t) => t.concept))];
    return packedFields(tr.t('reply.translationsOf', { concepts: tr.series(concepts) }), [
      `*${tr.t('reply.source', { source: escapeText(source) })}*`,
      ...translationLines(translations, concepts.length > 1, tr),
    ], tr);
  });
}

/**
 * One line per language (and concept): renderings without glosses share it ("**Korean:** 신임
 * (Shin-im) · 신용 (Shin-yong)"); a rendering with glosses gets its own line and a line of glosses.
 */
function translationLines(translations: TranslationView[], nameConcept: boolean, tr: Translator): string[] {
  const lines: string[] = [];
  const shared = new Map<string, number>();
  for (const t of translations) {
    const rendering = escapeText([t.text, t.romanization ? (t.text ? `(${t.romanization})` : t.romanization) : undefined].filter(Boolean).join(' '));
    const label = nameConcept ? `${languageName(tr, t.language)} · ${t.concept}` : languageName(tr, t.language);
    const glossed = Boolean(t.glosses?.length);
    const at = shared.get(label);
    if (!glossed && at !== undefined) {
      lines[at] += ` · ${rendering}`;
      continue;
    }
    if (!glossed) shared.set(label, lines.length);
    lines.push(`**${escapeText(label)}${tr.colon.trim()}** ${rendering}`);
    if (glossed) lines.push(escapeText((t.glosses ?? []).map((g) => `${g.word}: ${g.meaning}`).join('; ')));
  }
  return lines;
}

/** Lines packed into fields of at most the field value limit, the later ones named "(cont.)". */
function packedFields(name: string, lines: string[], tr: Translator): DraftField[] {
  const fields: DraftField[] = [];
  let current = '';
  const flush = () => {
    if (current) fields.push(field(fields.length === 0 ? name : tr.t('reply.continued', { name }), current));
    current = '';
  };
  for (const line of lines.flatMap((l) => splitAtSpaces(l, EMBED_FIELD_VALUE_MAX))) {
    if (current && current.length + 1 + line.length > EMBED_FIELD_VALUE_MAX) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return fields;
}

function citationLine(citation: Citation): string {
  const urls = citation.urls.filter((url) => !citation.text.includes(url));
  return [`**${citation.number}.** ${escapeText(citation.text)}`, ...urls.map((url) => `<${url}>`)].join('\n');
}

/** Footnotes as fields, packed several to a field up to the field value limit. */
function citationFields(citations: Citation[], tr: Translator): DraftField[] {
  const fields: DraftField[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    if (current.length === 0) return;
    fields.push(field(tr.t(fields.length === 0 ? 'reply.footnotesCited' : 'reply.footnotesCitedCont'), current.join('\n')));
    current = [];
    length = 0;
  };
  for (const citation of citations) {
    // A footnote longer than a field (28 and 70 are) continues in the next field rather than being cut.
    for (const line of splitAtSpaces(citationLine(citation), EMBED_FIELD_VALUE_MAX)) {
      if (length + line.length + 1 > EMBED_FIELD_VALUE_MAX) flush();
      current.push(line);
      length += line.length + 1;
    }
  }
  flush();
  return fields;
}

/**
 * Markdown of this adapter cut into pieces of at most `max` characters, between words (an escape
 * or a `**` span never holds a space, so a cut there never breaks one); a word longer than `max` is
 * clipped.
 */
export function splitAtSpaces(markdown: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = markdown.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const cut = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
    if (cut <= 0) {
      pieces.push(clipMarkdown(rest, max));
      rest = rest.slice(rest.search(/\s|$/)).trim();
      continue;
    }
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

function listField(name: string, labels: string[] | undefined): DraftField[] {
  if (!labels || labels.length === 0) return [];
  return [field(name, labels.map((label) => `• ${escapeText(label)}`).join('\n'))];
}

function footerText(reply: Pick<Reply, 'notice' | 'page'>, tr: Translator): string {
  const parts: string[] = [];
  if (reply.page.count > 1) parts.push(pageLine(tr, reply.page.index, reply.page.count));
  if (reply.notice) parts.push(reply.notice);
  return parts.join(' · ');
}

// ---- limits ----

interface EmbedDraft {
  title: string;
  author?: string;
  description: string;
  fields: DraftField[];
  footer: string;
  colour?: number;
}

/** Clip every part to its limit, then keep the whole embed within the 6000-character total. */
function fitEmbed(draft: EmbedDraft, tr: Translator): APIEmbed {
  const title = clipMarkdown(escapeText(draft.title), EMBED_TITLE_MAX);
  const author = draft.author ? clipPlain(draft.author, EMBED_AUTHOR_NAME_MAX) : undefined;
  const footer = clipPlain(draft.footer, EMBED_FOOTER_MAX);
  const fields: APIEmbedField[] = draft.fields
    .filter((f) => f.name.trim() && f.value.trim())
    .map((f) => ({
      name: clipPlain(f.name, EMBED_FIELD_NAME_MAX),
      value: clipMarkdown(f.value, EMBED_FIELD_VALUE_MAX),
      ...(f.inline ? { inline: true } : {}),
    }));
  const fixed = title.length + (author?.length ?? 0) + footer.length;
  const fieldsLength = () => fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  // Keep at least a readable start of the body; drop trailing fields before starving it.
  const minimumBody = Math.min(draft.description.length, 1000);
  let dropped = false;
  while (fields.length > EMBED_FIELDS_MAX || (fields.length > 0 && fixed + fieldsLength() + minimumBody > EMBED_TOTAL_MAX)) {
    fields.pop();
    dropped = true;
  }
  if (dropped && fields.length < EMBED_FIELDS_MAX) {
    const note = { name: '…', value: tr.t('reply.moreThanShown') };
    if (fixed + fieldsLength() + note.name.length + note.value.length + minimumBody <= EMBED_TOTAL_MAX) fields.push(note);
  }
  const room = Math.min(EMBED_DESCRIPTION_MAX, EMBED_TOTAL_MAX - fixed - fieldsLength());
  const description = clipMarkdown(draft.description, Math.max(0, room));
  const embed: APIEmbed = { title };
  if (description) embed.description = description;
  if (author) embed.author = { name: author };
  if (fields.length > 0) embed.fields = fields;
  if (footer) embed.footer = { text: footer };
  if (draft.colour !== undefined) embed.color = draft.colour;
  return embed;
}

/** The embed's characters as Discord counts them toward EMBED_TOTAL_MAX. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

// ---- buttons ----

/** Buttons for the reply's actions, five to a row, at most five rows; custom_id carries the state. */
export function buttonRows(actions: ReplyAction[], tr: Translator = createTranslator()): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const buttons: APIButtonComponentWithCustomId[] = [];
  const seen = new Set<string>();
  for (const action of actions) {
    let customId: string;
    try {
      customId = encodeActionState(action);
    } catch {
      continue; // state too long for a button: leave the button out rather than fail the reply
    }
    if (customId.length > CUSTOM_ID_MAX || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: COMPONENT_BUTTON,
      style: action.kind === 'share' ? BUTTON_STYLE_PRIMARY : BUTTON_STYLE_SECONDARY,
      label: clipPlain(buttonLabel(action, tr), BUTTON_LABEL_MAX),
      custom_id: customId,
    });
    if (buttons.length === BUTTONS_PER_ROW * ACTION_ROWS_MAX) break;
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW) {
    rows.push({ type: COMPONENT_ACTION_ROW, components: buttons.slice(i, i + BUTTONS_PER_ROW) });
  }
  return rows;
}

/** Discord's words for a button: a share says where it posts (and what, when a reply offers several). */
function buttonLabel(action: ReplyAction, tr: Translator): string {
  if (action.kind !== 'share') return action.label || action.kind;
  return action.subject ? tr.t('button.post', { subject: action.subject }) : tr.t('button.postToChannel');
}
