/**
 * `/entries`: the whole lexicon in document order, grouped by contribution, with authors.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { TextPart } from '../src/core/reply.js';
import { authorsText, emptyDraft } from '../src/core/entry-views.js';

export default defineCommand({
  name: 'entries',
  description: 'Every entry of the lexicon, grouped by contribution, with its authors.',
  options: z.object({}),
  examples: ['/entries'],
  handle(_options, { lexicon }) {
    const groups = new Map<string, string[]>();
    for (const entry of [...lexicon.entries].sort((a, b) => a.order - b.order)) {
      const number = entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`;
      const line = `${number} ${entry.term} — ${authorsText(entry.authors)}`;
      groups.set(entry.contribution, [...(groups.get(entry.contribution) ?? []), line]);
    }
    const parts: TextPart[] = [...groups].flatMap(([contribution, lines]): TextPart[] => [
      { kind: 'heading', text: contribution },
      { kind: 'text', text: lines.join('\n') },
    ]);
    const draft = emptyDraft('list', 'Cooperative Security 2.0: the lexicon');
    draft.subtitle = `${lexicon.entries.length} entries · UBC–SIIA workshop, Shanghai, 8–10 November 2013`;
    draft.parts = [...parts, { kind: 'text', text: 'Try /define <term>, e.g. /define empathy.' }];
    return draft;
  },
});
