/**
 * The plain-text form of every block kind: what a surface shows for a block it has no special
 * rendering for, what notifications and screen readers get, and what `--json` consumers can read
 * without knowing the block kinds. The table is exhaustive, so a new block kind cannot be added
 * without its plain-text form.
 */
import type { Block, BlockKind, BlockOf, CommandReference, Prose, Reply, TranslationView } from './reply.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { languageName, pageLine } from '../i18n/words.js';
import { describeSource } from './translations.js';

/** "/define empathy": a command reference as typed on a surface whose commands are slash commands. */
export function slashCommand(reference: CommandReference): string {
  return reference.args === undefined ? `/${reference.command}` : `/${reference.command} ${reference.args}`;
}

/** Prose as plain text, command references written with `write` (slash commands by default). */
export function proseText(prose: Prose, write: (reference: CommandReference) => string = slashCommand): string {
  return prose.map((piece) => (typeof piece === 'string' ? piece : write(piece))).join('');
}

/** "同理心 (Tong Li Xin)": a rendering with its romanization. */
export function renderingText(view: Pick<TranslationView, 'text' | 'romanization'>): string {
  if (view.text && view.romanization) return `${view.text} (${view.romanization})`;
  return view.text ?? view.romanization ?? '';
}

const PLAIN: { [K in BlockKind]: (block: BlockOf<K>, tr: Translator) => string } = {
  quote: (block) => block.text,
  text: (block) => proseText(block.text),
  heading: (block) => block.text,
  table: (block) =>
    [block.caption, block.columns.join(' | '), ...block.rows.map((row) => row.join(' | ')), block.note ?? ''].filter(Boolean).join('\n'),
  facts: (block) => block.facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n'),
  citations: (block) => block.citations.map((c) => `${c.number}. ${c.text}`).join('\n'),
  translations: (block, tr) =>
    block.translations.map((t) => `${t.concept} · ${tr.labelled(languageName(tr, t.language), renderingText(t))}${tr.parenthesized(describeSource(t.source, tr))}`).join('\n'),
  results: (block) => block.results.map((r) => `${r.entryTitle} — ${r.authors.join(', ')}\n${r.excerpt}`).join('\n\n'),
  suggestions: (block, tr) => tr.t('reply.didYouMeanList', { items: tr.series(block.suggestions.map((s) => s.label)) }),
  'see-also': (block, tr) => tr.t('reply.seeAlsoList', { items: tr.series(block.entries.map((s) => s.label)) }),
};

/** The plain text of one block; our words in it in `tr`'s language (English by default). */
export function blockText(block: Block, tr: Translator = createTranslator()): string {
  return (PLAIN[block.kind] as (block: Block, tr: Translator) => string)(block, tr);
}

/** The whole reply as plain text: title, subtitle, every block, page and notice. */
export function replyText(reply: Reply): string {
  const tr = createTranslator(reply.locale);
  const lines = [reply.title];
  if (reply.subtitle) lines.push(reply.subtitle);
  for (const block of reply.blocks) lines.push('', blockText(block, tr));
  if (reply.page.count > 1) lines.push('', pageLine(tr, reply.page.index, reply.page.count));
  if (reply.notice) lines.push('', reply.notice);
  return lines.join('\n');
}
