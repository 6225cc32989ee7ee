/**
 * Autocomplete for term options, ranked by the core's search (typos, acronyms, CJK): at most 25
 * choices, names and values within 100 characters, values that resolve exactly ("entry" or
 * "entry/section").
 */
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { Lexicon } from '../../core/lexicon.js';
import { MAX_QUERY_LENGTH } from '../../core/options.js';
import { compactReference, referenceOf } from '../../core/entry-views.js';
import { CHOICE_NAME_MAX, CHOICE_VALUE_MAX, CHOICES_MAX } from './limits.js';
import { clipPlain } from './markdown.js';

/** Choices for what the user has typed so far. */
export function termChoices(lexicon: Lexicon, typed: string): ApplicationCommandOptionChoiceData<string>[] {
  const query = typed.slice(0, MAX_QUERY_LENGTH).trim();
  const matches = query
    ? lexicon.search.suggest(query, CHOICES_MAX)
    : lexicon.entries.map((entry) => ({ entryId: entry.id, label: entry.term }));
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  const seen = new Set<string>();
  for (const match of matches) {
    let value = referenceOf(match);
    if (value.length > CHOICE_VALUE_MAX) value = compactReference(lexicon, value) ?? '';
    if (!value || value.length > CHOICE_VALUE_MAX || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: clipPlain(match.label, CHOICE_NAME_MAX), value });
    if (choices.length === CHOICES_MAX) break;
  }
  return choices;
}
