/**
 * The plain-text form of every block kind: what a surface shows for a block it has no special
 * rendering for, what notifications and screen readers get, and what `--json` consumers can read
 * without knowing the block kinds. The table is exhaustive, so a new block kind cannot be added
 * without its plain-text form.
 */
import type { Block, BlockKind, BlockOf, CommandReference, Prose, Reply, TranslationView } from './reply.js';

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

const PLAIN: { [K in BlockKind]: (block: BlockOf<K>) => string } = {
  quote: (block) => block.text,
  text: (block) => proseText(block.text),
  heading: (block) => block.text,
  table: (block) =>
    [block.caption, block.columns.join(' | '), ...block.rows.map((row) => row.join(' | ')), block.note ?? ''].filter(Boolean).join('\n'),
  facts: (block) => block.facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n'),
  citations: (block) => block.citations.map((c) => `${c.number}. ${c.text}`).join('\n'),
  translations: (block) =>
    block.translations.map((t) => `${t.concept} · ${t.languageName}: ${renderingText(t)} (${t.source})`).join('\n'),
  results: (block) => block.results.map((r) => `${r.entryTitle} — ${r.authors.join(', ')}\n${r.excerpt}`).join('\n\n'),
  suggestions: (block) => `Did you mean: ${block.suggestions.map((s) => s.label).join(', ')}?`,
  'see-also': (block) => `See also: ${block.entries.map((s) => s.label).join(', ')}`,
};

/** The plain text of one block. */
export function blockText(block: Block): string {
  return (PLAIN[block.kind] as (block: Block) => string)(block);
}

/** The whole reply as plain text: title, subtitle, every block, page and notice. */
export function replyText(reply: Reply): string {
  const lines = [reply.title];
  if (reply.subtitle) lines.push(reply.subtitle);
  for (const block of reply.blocks) lines.push('', blockText(block));
  if (reply.page.count > 1) lines.push('', `Page ${reply.page.index} of ${reply.page.count}`);
  if (reply.notice) lines.push('', reply.notice);
  return lines.join('\n');
}
