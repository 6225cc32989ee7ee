/**
 * `/help`: every command the dispatcher serves (read from the context, not a copy), how to call it,
 * and an example.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, text } from '../src/core/reply.js';
import { emptyDraft } from '../src/core/entry-views.js';
import { exampleOf, usageOf } from '../src/core/usage.js';
import type { Command } from '../src/core/command.js';
import { catalogs, type MessageKey } from '../src/i18n/catalog.js';
import type { Translator } from '../src/i18n/translator.js';
import { DOCUMENT_TITLE } from '../src/i18n/words.js';

/** A command's description in the reader's language (as the command declares it if the catalog lacks it). */
function commandDescription(tr: Translator, listed: Command): string {
  const key = `command.${listed.name}.description`;
  return Object.hasOwn(catalogs.en, key) ? tr.t(key as MessageKey) : listed.description;
}

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
      ...commands.map((listed) => text(usageOf(listed), ` — ${commandDescription(tr, listed)}\n${tr.t('help.example')}${colon}`, exampleOf(listed))),
      text(tr.t('help.quoteHint') + colon, command('compare', '"confidence building measures" trust'), fullStop),
    ];
    return draft;
  },
});
