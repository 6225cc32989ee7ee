/**
 * `/help`: every command, how to call it, and an example.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { Command } from '../src/core/command.js';
import type { TextPart } from '../src/core/reply.js';
import { describeOptions } from '../src/core/options.js';
import { emptyDraft } from '../src/core/entry-views.js';
import define from './define.js';
import translate from './translate.js';
import cite from './cite.js';
import search from './search.js';
import compare from './compare.js';
import entries from './entries.js';
import read from './read.js';

/** "/translate <term> [language]". */
export function usageOf(command: Command): string {
  const options = describeOptions(command.options)
    .filter((option) => option.kind !== 'visibility')
    .map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`));
  return ['/' + command.name, ...options].join(' ');
}

const help = defineCommand({
  name: 'help',
  description: 'Every command with an example.',
  options: z.object({}),
  examples: ['/help'],
  handle() {
    // The same order as commands/index.ts (a test holds them together); imported here, not from the
    // index, so that help does not import the list it is part of.
    const listed: Command[] = [define, translate, cite, search, compare, read, entries, help];
    const parts: TextPart[] = listed.map((command) => ({
      kind: 'text',
      text: `${usageOf(command)} — ${command.description}\nExample: ${command.examples[0] ?? usageOf(command)}`,
    }));
    const draft = emptyDraft('help', 'Lexicon bot: commands');
    draft.subtitle = 'The “Cooperative Security 2.0” lexicon, in its authors’ own words';
    draft.parts = [
      ...parts,
      {
        kind: 'text',
        text: 'Put a term of several words in quotes when another follows it: /compare "confidence building measures" trust.',
      },
    ];
    return draft;
  },
});

export default help;
