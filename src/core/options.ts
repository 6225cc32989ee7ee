/**
 * Command options are zod schemas with a little metadata, so that every surface derives its native
 * options from the same definition: Discord slash-command options, Slack text parsing, console
 * arguments. Build options with these helpers; surfaces read them back with `describeOptions`.
 */
import { z } from 'zod';
import { TranslationLanguageSchema } from './entry.js';

/** The kind of an option, which tells a surface how to present it. */
export type OptionKind = 'term' | 'query' | 'language' | 'footnote' | 'visibility';

export interface OptionMeta {
  kind: OptionKind;
  description: string;
}

/** Longest term or query we accept; longer input gets a usage reply, not a search. */
export const MAX_QUERY_LENGTH = 200;

const optionRegistry = z.registry<OptionMeta>();

/** A lexicon term (autocompleted on surfaces that can). */
export function termOption(description: string) {
  return z
    .string()
    .trim()
    .min(1, 'Give a term, e.g. "empathy".')
    .max(MAX_QUERY_LENGTH, `Keep it under ${MAX_QUERY_LENGTH} characters.`)
    .register(optionRegistry, { kind: 'term', description });
}

/** Free text to search for. */
export function queryOption(description: string) {
  return z
    .string()
    .trim()
    .min(1, 'Give some words to search for.')
    .max(MAX_QUERY_LENGTH, `Keep it under ${MAX_QUERY_LENGTH} characters.`)
    .register(optionRegistry, { kind: 'query', description });
}

/** One of the languages the document records translations in. */
export function languageOption(description: string) {
  return TranslationLanguageSchema.register(optionRegistry, { kind: 'language', description });
}

/** A footnote number of the document. */
export function footnoteOption(description: string) {
  return z.coerce
    .number()
    .int('A footnote number is a whole number.')
    .min(1, 'Footnotes are numbered 1 to 133.')
    .max(133, 'Footnotes are numbered 1 to 133.')
    .register(optionRegistry, { kind: 'footnote', description });
}

/** Whether the answer is shown only to the asker (default) or posted for everyone. */
export function visibilityOption(description: string) {
  return z.enum(['private', 'public']).register(optionRegistry, { kind: 'visibility', description });
}

/** What a surface needs to know to present one option. */
export interface OptionDescriptor {
  name: string;
  kind: OptionKind;
  description: string;
  required: boolean;
  /** 'integer' for footnote numbers, 'string' otherwise. */
  type: 'string' | 'integer';
  /** Fixed choices (languages, visibility), value and display name. */
  choices?: { name: string; value: string }[];
  minValue?: number;
  maxValue?: number;
  maxLength?: number;
}

const LANGUAGE_NAMES: Record<string, string> = { zh: 'Mandarin (zh)', ja: 'Japanese (ja)', ko: 'Korean (ko)' };

/** The options of a command schema, in declaration order, for surfaces to build native options. */
export function describeOptions(schema: z.ZodObject): OptionDescriptor[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const required = !(field instanceof z.ZodOptional || field instanceof z.ZodDefault);
    const inner = unwrap(field as z.ZodType);
    const meta = optionRegistry.get(inner);
    if (!meta) throw new Error(`Option "${name}" was not built with the option helpers in core/options.ts`);
    const base = { name, kind: meta.kind, description: meta.description, required };
    switch (meta.kind) {
      case 'footnote':
        return { ...base, type: 'integer', minValue: 1, maxValue: 133 };
      case 'language':
        return {
          ...base,
          type: 'string',
          choices: TranslationLanguageSchema.options.map((value) => ({ name: LANGUAGE_NAMES[value] ?? value, value })),
        };
      case 'visibility':
        return {
          ...base,
          type: 'string',
          choices: [
            { name: 'Only me', value: 'private' },
            { name: 'Everyone in the channel', value: 'public' },
          ],
        };
      default:
        return { ...base, type: 'string', maxLength: MAX_QUERY_LENGTH };
    }
  });
}

function unwrap(field: z.ZodType): z.ZodType {
  let current: z.ZodType = field;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}
