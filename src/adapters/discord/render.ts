/**
 * Render the core's Reply as a discord.js message payload: one embed and button rows. A pure
 * function: same reply in, same payload out; every Discord limit (limits.ts) is respected whatever
 * the reply holds, and every payload carries `allowedMentions: { parse: [] }` so nothing pings.
 */
import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from 'discord.js';
import { encodeActionState } from '../../core/action-state.js';
import type { Citation, Highlight, Reply, ReplyAction, TextPart, TranslationView } from '../../core/reply.js';
import { fieldsToShow, suggestionsWithoutButtons, translationsBySource } from '../../core/entry-views.js';
import { clipMarkdown, clipPlain, escapeText } from './markdown.js';
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
 * How the reply is shown: `interactive` (the asker's reply, with buttons), `shared` (posted to the
 * channel: footnotes included, no buttons, who shared it), `sources` (only the footnotes).
 */
export type RenderMode =
  | { kind: 'interactive'; /** false on a message already public: no "Post to channel". */ shareable?: boolean }
  | { kind: 'shared'; sharedByUserId: string }
  | { kind: 'sources' };

/** Discord's wording for the core's share action. */
export const SHARE_LABEL = 'Post to channel';

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

/** Render a reply for Discord. */
export function renderReply(reply: Reply, mode: RenderMode = { kind: 'interactive' }): DiscordPayload {
  if (mode.kind === 'sources') return renderSources(reply);
  const showCitations = mode.kind === 'shared' || reply.kind === 'citation';
  const fields = [
    ...fieldsToShow(reply).map((f) => field(f.name, escapeText(f.value), f.inline)),
    ...translationFields(reply),
    // The core usually lays search results out in the body already; fields only when it did not.
    ...(reply.parts.length === 0 ? resultFields(reply) : []),
    ...(showCitations ? citationFields(reply.citations) : []),
    ...listField('See also', reply.seeAlso?.map((s) => s.label)),
    // With buttons, a suggestion that has one is named on it alone; a shared copy has none and lists them all.
    ...suggestionFields(reply, mode.kind === 'interactive'),
  ];
  const embed = fitEmbed({
    title: reply.title,
    author: reply.subtitle,
    description: renderParts(reply.parts),
    fields,
    footer: footerText(reply),
    colour: COLOURS[reply.kind],
  });
  const payload: DiscordPayload = {
    embeds: [embed],
    components:
      mode.kind === 'interactive'
        ? buttonRows(mode.shareable === false ? reply.actions.filter((action) => action.kind !== 'share') : reply.actions)
        : [],
    allowedMentions: NO_MENTIONS,
  };
  if (mode.kind === 'shared') payload.content = clipPlain(`Shared by <@${mode.sharedByUserId}>`, MESSAGE_CONTENT_MAX);
  return payload;
}

/** The footnotes of what a reply shows, on their own (the Sources button). */
export function renderSources(reply: Reply): DiscordPayload {
  const description =
    reply.citations.length === 0
      ? 'What is shown cites no footnotes of the document.'
      : reply.citations.map(citationLine).join('\n\n');
  const embed = fitEmbed({
    title: `Sources: ${reply.title}`,
    author: reply.subtitle,
    description,
    fields: [],
    footer: footerText({ ...reply, page: { index: 1, count: 1 } }),
    colour: COLOURS.citation,
  });
  return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
}

/** A plain message (errors, notices), with mentions off. */
export function renderNotice(text: string): DiscordPayload {
  return { content: clipMarkdown(escapeText(text), MESSAGE_CONTENT_MAX), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

// ---- body ----

function renderParts(parts: TextPart[]): string {
  return parts.map(renderPart).filter((text) => text.length > 0).join('\n\n');
}

function renderPart(part: TextPart): string {
  switch (part.kind) {
    case 'quote':
      return withHighlights(part.text, part.highlights ?? [])
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'text':
      return escapeText(part.text);
    case 'heading':
      return `**${escapeText(part.text)}**`;
    case 'table': {
      const lines = [`**${escapeText(part.caption)}**`];
      if (part.columns.length > 0) lines.push(`*${part.columns.map((c) => escapeText(oneLine(c))).join(' · ')}*`);
      // An empty cell keeps its place as a dash, so the cells still line up with the column names.
      for (const row of part.rows) lines.push(`• ${row.map((cell) => escapeText(oneLine(cell)) || '—').join(' · ')}`);
      if (part.note) lines.push(escapeText(part.note));
      return lines.join('\n');
    }
  }
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
function translationFields(reply: Reply): DraftField[] {
  return translationsBySource(reply.translations).flatMap(({ source, translations }) => {
    const concepts = [...new Set(translations.map((t) => t.concept))];
    return packedFields(`Translations · ${concepts.join(', ')}`, [
      `*Source: ${escapeText(source)}*`,
      ...translationLines(translations, concepts.length > 1),
    ]);
  });
}

/**
 * One line per language (and concept): renderings without glosses share it ("**Korean:** 신임
 * (Shin-im) · 신용 (Shin-yong)"); a rendering with glosses gets its own line and a line of glosses.
 */
function translationLines(translations: TranslationView[], nameConcept: boolean): string[] {
  const lines: string[] = [];
  const shared = new Map<string, number>();
  for (const t of translations) {
    const rendering = escapeText([t.text, t.romanization ? (t.text ? `(${t.romanization})` : t.romanization) : undefined].filter(Boolean).join(' '));
    const label = nameConcept ? `${t.languageName} · ${t.concept}` : t.languageName;
    const glossed = Boolean(t.glosses?.length);
    const at = shared.get(label);
    if (!glossed && at !== undefined) {
      lines[at] += ` · ${rendering}`;
      continue;
    }
    if (!glossed) shared.set(label, lines.length);
    lines.push(`**${escapeText(label)}:** ${rendering}`);
    if (glossed) lines.push(escapeText((t.glosses ?? []).map((g) => `${g.word}: ${g.meaning}`).join('; ')));
  }
  return lines;
}

/** Lines packed into fields of at most the field value limit, the later ones named "(cont.)". */
function packedFields(name: string, lines: string[]): DraftField[] {
  const fields: DraftField[] = [];
  let current = '';
  const flush = () => {
    if (current) fields.push(field(fields.length === 0 ? name : `${name} (cont.)`, current));
    current = '';
  };
  for (const line of lines.flatMap((l) => splitAtSpaces(l, EMBED_FIELD_VALUE_MAX))) {
    if (current && current.length + 1 + line.length > EMBED_FIELD_VALUE_MAX) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return fields;
}

function resultFields(reply: Reply): DraftField[] {
  return (reply.results ?? []).map((r) => field(`${r.entryTitle} · ${r.authors.join(', ')}`, withHighlights(r.excerpt, r.highlights)));
}

function citationLine(citation: Citation): string {
  const urls = citation.urls.filter((url) => !citation.text.includes(url));
  return [`**${citation.number}.** ${escapeText(citation.text)}`, ...urls.map((url) => `<${url}>`)].join('\n');
}

/** Footnotes as fields, packed several to a field up to the field value limit. */
function citationFields(citations: Citation[]): DraftField[] {
  const fields: DraftField[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    if (current.length === 0) return;
    fields.push(field(fields.length === 0 ? 'Footnotes cited' : 'Footnotes cited (cont.)', current.join('\n')));
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

/** "Did you mean": the suggestions no button names (all of them without buttons), or a pointer to the buttons. */
function suggestionFields(reply: Reply, withButtons: boolean): DraftField[] {
  const unlisted = withButtons ? suggestionsWithoutButtons(reply) : reply.suggestionViews;
  if (reply.suggestionViews.length > 0 && unlisted.length === 0) return [field('Did you mean', 'One of the buttons below?')];
  return listField('Did you mean', unlisted.map((s) => s.label));
}

function footerText(reply: Pick<Reply, 'notice' | 'page'>): string {
  const parts: string[] = [];
  if (reply.page.count > 1) parts.push(`Page ${reply.page.index} of ${reply.page.count}`);
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
function fitEmbed(draft: EmbedDraft): APIEmbed {
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
    const note = { name: '…', value: 'More in the full reply than Discord can show here.' };
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
export function buttonRows(actions: ReplyAction[]): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
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
      label: clipPlain(action.kind === 'share' && isPlainShare(action) ? SHARE_LABEL : action.label || action.kind, BUTTON_LABEL_MAX),
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

/** The core labels its share button "Share"; a labelled share (e.g. "Post: Empathy") keeps its label. */
function isPlainShare(action: ReplyAction): boolean {
  return action.label === '' || /^share$/i.test(action.label);
}
