/**
 * `/help`: every command the dispatcher serves (read from the context, not a copy), how to call it,
 * and an example.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { command, text } from '../src/core/reply.js';
import { emptyDraft } from '../src/core/entry-views.js';
import { exampleOf, usageOf } from '../src/core/usage.js';

export default defineCommand({
  name: 'help',
  description: 'Every command with an example.',
  options: z.object({}),
  examples: ['/help'],
  handle(_options, { commands, request }) {
    const draft = emptyDraft('help', 'Lexicon bot: commands', request);
    draft.subtitle = 'The “Cooperative Security 2.0” lexicon, in its authors’ own words';
    draft.blocks = [
      ...commands.map((listed) => text(usageOf(listed), ` — ${listed.description}\nExample: `, exampleOf(listed))),
      text('Put a term of several words in quotes when another follows it: ', command('compare', '"confidence building measures" trust'), '.'),
    ];
    return draft;
  },
});
