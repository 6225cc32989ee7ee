/**
 * `/entries`: the whole lexicon in document order, grouped by contribution, with authors.
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, text, type Block } from '../src/core/reply.js';
import { authorsText, emptyDraft } from '../src/core/entry-views.js';
import { proseOf } from '../src/core/prose.js';
import { DOCUMENT_TITLE } from '../src/i18n/words.js';

export default defineCommand({
  name: 'entries',
  description: 'Every entry of the lexicon, grouped by contribution, with its authors.',
  options: z.object({}),
  examples: ['/entries'],
  handle(_options, { lexicon, request, tr }) {
    const groups = new Map<string, string[]>();
    for (const entry of [...lexicon.entries].sort((a, b) => a.order - b.order)) {
      const number = entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`;
      const line = `${number} ${entry.term} — ${authorsText(entry.authors, tr)}`;
      groups.set(entry.contribution, [...(groups.get(entry.contribution) ?? []), line]);
    }
    const blocks: Block[] = [...groups].flatMap(([contribution, lines]): Block[] => [
      { kind: 'heading', text: contribution },
      text(lines.join('\n')),
    ]);
    const draft = emptyDraft('list', tr.t('entries.title', { title: DOCUMENT_TITLE }), request);
    draft.subtitle = tr.t('entries.subtitle', { count: lexicon.entries.length });
    draft.blocks = [...blocks, text(...proseOf(tr, 'entries.try', { usage: command('define', '<term>'), example: command('define', 'empathy') }))];
    return draft;
  },
});
