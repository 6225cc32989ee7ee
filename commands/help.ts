/**
 * `/help`: every command the dispatcher serves (read from the context, not a copy), how to call it,
 * and an example.
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, text } from '../src/core/reply.js';
import { emptyDraft } from '../src/core/entry-views.js';
import { descriptionOf, exampleOf, usageOf } from '../src/core/usage.js';
import { DOCUMENT_TITLE } from '../src/i18n/words.js';

export default defineCommand({
  name: 'help',
  description: 'Every command with an example.',
  options: z.object({}),
  examples: ['/help'],
  handle(_options, { commands, request, tr }) {
    const draft = emptyDraft('help', tr.t('help.title'), request);
    draft.subtitle = tr.t('help.subtitle', { title: tr.workTitle(DOCUMENT_TITLE) });
    const { colon, fullStop } = tr;
    draft.blocks = [
      ...commands.map((listed) => text(usageOf(listed), ` — ${descriptionOf(tr, listed)}\n${tr.t('help.example')}${colon}`, exampleOf(listed))),
      text(tr.t('help.quoteHint') + colon, command('compare', '"confidence building measures" trust'), fullStop),
    ];
    return draft;
  },
});
