/**
 * Command options are zod schemas with a little metadata, so that every surface derives its native
 * options from the same definition: Discord slash-command options, Slack text parsing, console
 * arguments. Build options with these helpers; surfaces read them back with `describeOptions`.
 *
 * Each option kind owns everything about its values (`OPTION_KINDS`): how a raw value from any
 * surface is normalized, whether a trailing word of a typed line is one of its values, how it is
 * named in a usage hint, how a bad value is explained, and its limits, some of which come from the
 * lexicon (the number of footnotes).
 */
import * as z from 'zod';
import { TranslationLanguageSchema, type TranslationLanguage } from './translation-language.js';
import { parseLanguage } from './translations.js';
import type { Translator } from '../i18n/translator.js';

/** The kind of an option, which tells a surface how to present it. */
export type OptionKind = 'term' | 'query' | 'language' | 'footnote' | 'paragraph' | 'visibility';

export interface OptionMeta {
  kind: OptionKind;
  description: string;
}

/** Longest term or query we accept; longer input gets a usage reply, not a search. */
export const MAX_QUERY_LENGTH = 200;

/** What the lexicon tells option kinds about their limits. */
export interface OptionLimits {
  /** The highest footnote number of the document. */
  footnoteCount: number;
}

/** What zod said about a value, as far as our wording needs it. */
export interface OptionProblem {
  /** zod's issue code: "too_small" (empty), "too_big" (too long), … */
  code?: string;
}

/** Everything an option kind knows about its values. */
export interface OptionKindSpec {
  /** "a term": what a usage hint says is missing, in the reader's language. */
  noun(tr: Translator): string;
  /** A raw text value (already without control characters, trimmed) as the schema should see it. */
  normalize(value: string): string | number;
  /** The value a trailing word of a typed line stands for, if it is one of this kind's values. */
  fromWord?(word: string): string | number | undefined;
  /** Whether a word before a trailing value belongs to it ("n." in "cite trust n. 28"). */
  isPrefixWord?(word: string): boolean;
  /** Why a given value is not valid, in words for the user, in the reader's language. */
  invalid(value: unknown, limits: OptionLimits, problem: OptionProblem | undefined, tr: Translator): string;
  /** A value within the lexicon's limits, or why not. */
  check?(value: unknown, limits: OptionLimits, tr: Translator): string | undefined;
}

const LANGUAGE_CHOICES: Record<TranslationLanguage, string> = { zh: 'Mandarin (zh)', ja: 'Japanese (ja)', ko: 'Korean (ko)' };
const FOOTNOTE_PREFIX = /^(?:n\.?|nn\.?|fn\.?|note|footnote)$/i;
const footnoteRangeText = (limits: OptionLimits, tr: Translator) => tr.t('usage.footnoteRange', { count: limits.footnoteCount });

/** Text that is empty or too long, in words. */
function textProblem(problem: OptionProblem | undefined, tr: Translator, empty: 'usage.giveTerm' | 'usage.giveQuery'): string {
  if (problem?.code === 'too_small') return tr.t(empty);
  if (problem?.code === 'too_big') return tr.t('usage.tooLong', { max: MAX_QUERY_LENGTH });
  return tr.t('usage.notValid');
}
/** A paragraph's stable anchor (src/core/anchors.ts): `confidence-p-3f9a2c`, `intro-p-0a1b2c-2`. */
const PARAGRAPH_ANCHOR = /^[a-z0-9]+(?:-[a-z0-9]+)*-p-[0-9a-f]{6}(?:-\d+)?$/;
const PARAGRAPH_PREFIX = /^(?:¶|p\.?|para\.?|paragraph)\s*/i;

/** The option kinds and what each owns. */
export const OPTION_KINDS: Record<OptionKind, OptionKindSpec> = {
  term: {
    noun: (tr) => tr.t('usage.noun.term'),
    normalize: (value) => value,
    invalid: (_value, _limits, problem, tr) => textProblem(problem, tr, 'usage.giveTerm'),
  },
  query: {
    noun: (tr) => tr.t('usage.noun.query'),
    normalize: (value) => value,
    invalid: (_value, _limits, problem, tr) => textProblem(problem, tr, 'usage.giveQuery'),
  },
  language: {
    noun: (tr) => tr.t('usage.noun.language'),
    normalize: (value) => parseLanguage(value) ?? value,
    fromWord: (word) => parseLanguage(word),
    invalid: (value, _limits, _problem, tr) => tr.t('usage.invalidLanguage', { value: String(value).slice(0, 40) }),
  },
  footnote: {
    noun: (tr) => tr.t('usage.noun.footnote'),
    normalize: (value) => value.replace(/^(?:n\.?|nn\.?|fn\.?|note|footnote)\s*/i, ''),
    fromWord: (word) => (/^(?:n\.?|fn\.?)?\d{1,4}$/i.test(word) ? Number(word.replace(/^\D+/, '')) : undefined),
    isPrefixWord: (word) => FOOTNOTE_PREFIX.test(word),
    invalid: (_value, limits, _problem, tr) => tr.t('usage.footnoteWhole', { range: footnoteRangeText(limits, tr) }),
    check: (value, limits, tr) => (typeof value === 'number' && value > limits.footnoteCount ? footnoteRangeText(limits, tr) : undefined),
  },
  paragraph: {
    noun: (tr) => tr.t('usage.noun.paragraph'),
    normalize: (value) => value.replace(PARAGRAPH_PREFIX, ''),
    // A trailing "p3", "¶3" or an anchor; a bare number stays a section number ("read empathy 3").
    fromWord: (word) => (/^(?:¶|p\.?|para\.?)\d{1,3}$/i.test(word) ? word.replace(PARAGRAPH_PREFIX, '') : PARAGRAPH_ANCHOR.test(word) ? word : undefined),
    isPrefixWord: (word) => /^(?:from|paragraph|para\.?|¶)$/i.test(word),
    invalid: (_value, _limits, _problem, tr) => tr.t('usage.invalidParagraph'),
  },
  visibility: {
    noun: (tr) => tr.t('usage.noun.visibility'),
    normalize: (value) => value.toLowerCase(),
    invalid: (_value, _limits, _problem, tr) => tr.t('usage.invalidVisibility'),
  },
};

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

/** A footnote number of the document (its upper bound is the lexicon's, checked by the dispatcher). */
export function footnoteOption(description: string) {
  return z.coerce.number().int('A footnote number is a whole number.').min(1, 'Footnotes are numbered from 1.').register(optionRegistry, { kind: 'footnote', description });
}

/** A paragraph of a section: its number (1-based) or its stable anchor (`confidence-p-3f9a2c`). */
export function paragraphOption(description: string) {
  return z
    .string()
    .trim()
    .regex(/^(?:\d{1,3}|[a-z0-9]+(?:-[a-z0-9]+)*-p-[0-9a-f]{6}(?:-\d+)?)$/, 'A paragraph is its number or its anchor.')
    .register(optionRegistry, { kind: 'paragraph', description });
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

/**
 * The options of a command schema, in declaration order, for surfaces to build native options.
 * With `limits` (from the lexicon), numeric options carry their upper bound.
 */
export function describeOptions(schema: z.ZodObject, limits?: OptionLimits): OptionDescriptor[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const required = !(field instanceof z.ZodOptional || field instanceof z.ZodDefault);
    const inner = unwrap(field as z.ZodType);
    const meta = optionRegistry.get(inner);
    if (!meta) throw new Error(`Option "${name}" was not built with the option helpers in core/options.ts`);
    const base = { name, kind: meta.kind, description: meta.description, required };
    switch (meta.kind) {
      case 'footnote':
        return { ...base, type: 'integer', minValue: 1, ...(limits ? { maxValue: limits.footnoteCount } : {}) };
      case 'language':
        return {
          ...base,
          type: 'string',
          choices: TranslationLanguageSchema.options.map((value) => ({ name: LANGUAGE_CHOICES[value], value })),
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
