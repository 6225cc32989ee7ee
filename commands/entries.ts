/**
 * `/entries`: the whole lexicon in document order, grouped by contribution, with authors.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, text, type Block } from '../src/core/reply.js';
import { authorsText, emptyDraft } from '../src/core/entry-views.js';

export default defineCommand({
  name: 'entries',
  description: 'Every entry of the lexicon, grouped by contribution, with its authors.',
  options: z.object({}),
  examples: ['/entries'],
  handle(_options, { lexicon, request }) {
    const groups = new Map<string, string[]>();
    for (const entry of [...lexicon.entries].sort((a, b) => a.order - b.order)) {
      const number = entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`;
      const line = `${number} ${entry.term} — ${authorsText(entry.authors)}`;
      groups.set(entry.contribution, [...(groups.get(entry.contribution) ?? []), line]);
    }
    const blocks: Block[] = [...groups].flatMap(([contribution, lines]): Block[] => [
      { kind: 'heading', text: contribution },
      text(lines.join('\n')),
    ]);
    const draft = emptyDraft('list', 'Cooperative Security 2.0: the lexicon', request);
    draft.subtitle = `${lexicon.entries.length} entries · UBC–SIIA workshop, Shanghai, 8–10 November 2013`;
    draft.blocks = [...blocks, text('Try ', command('define', '<term>'), ', e.g. ', command('define', 'empathy'), '.')];
    return draft;
  },
});
