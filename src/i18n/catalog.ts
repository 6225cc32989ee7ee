/**
 * The message catalogs: one JSON file per locale in ./locales, key → ICU MessageFormat message,
 * edited by translators. They are validated once, by the build or (from the sources) when this
 * module loads: every locale has exactly English's keys, every message parses, and uses the same
 * arguments as the English one. A broken catalog stops the build, or start-up, with one line naming
 * the file and the key.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import * as z from 'zod';
import en from './locales/en.json' with { type: 'json' };
import zhCN from './locales/zh-CN.json' with { type: 'json' };
import zhTW from './locales/zh-TW.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import ko from './locales/ko.json' with { type: 'json' };
import { LOCALES, type Locale } from './locale.js';
import { RUNNING_BUILT } from '../paths.js';

/** A key of the catalog; English's keys are every locale's keys. */
export type MessageKey = keyof typeof en;

/** One locale's messages. */
export type Messages = Record<MessageKey, string>;

/** The raw files, as a translator edits them. */
export const CATALOG_FILES: Record<Locale, unknown> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW, ja, ko };

/** A catalog that cannot be used; the message names the locale file and the key. */
export class CatalogError extends Error {
  override name = 'CatalogError';
}

const FileSchema = z.record(z.string(), z.string().min(1, 'is empty'));

/**
 * Our messages are plain text: `<command>` in a usage line is text, not a rich-text tag. Every plural
 * and select needs its `other` case, so that any number or value formats.
 */
export const PARSER_OPTIONS = { ignoreTag: true, requiresOtherClause: true } as const;

/** The argument names a message uses, and how (e.g. count → plural), sorted. */
export function messageArguments(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      found.add(`${element.value}:${TYPE[element.type]}`);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
      if (element.type === TYPE.tag) walk(element.children);
    }
  };
  walk(parse(message, PARSER_OPTIONS));
  return [...found].sort();
}

/** Validate every locale's file against English; returns the catalogs or throws CatalogError. */
export function validateCatalogs(files: Record<Locale, unknown>): Record<Locale, Messages> {
  const english = parseFile('en', files.en);
  const englishKeys = Object.keys(english).sort();
  const englishArguments = new Map<string, string[]>();
  for (const key of englishKeys) englishArguments.set(key, argumentsOrThrow('en', key, english[key]!));

  const result = {} as Record<Locale, Messages>;
  for (const locale of LOCALES) {
    const messages = locale === 'en' ? english : parseFile(locale, files[locale]);
    const missing = englishKeys.filter((key) => !(key in messages));
    const extra = Object.keys(messages).filter((key) => !englishArguments.has(key));
    if (missing.length > 0) throw new CatalogError(`locales/${locale}.json: missing ${missing.join(', ')}`);
    if (extra.length > 0) throw new CatalogError(`locales/${locale}.json: not in en.json: ${extra.join(', ')}`);
    for (const key of englishKeys) {
      const used = argumentsOrThrow(locale, key, messages[key]!);
      const expected = englishArguments.get(key)!;
      if (used.join() !== expected.join()) {
        throw new CatalogError(`locales/${locale}.json: ${key} uses {${used.join(', ')}}, en.json uses {${expected.join(', ')}}`);
      }
    }
    result[locale] = messages as Messages;
  }
  return result;
}

function parseFile(locale: Locale, file: unknown): Record<string, string> {
  const parsed = FileSchema.safeParse(file);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CatalogError(`locales/${locale}.json: ${issue.path.join('.') || 'file'} ${issue.message}`);
  }
  return parsed.data;
}

function argumentsOrThrow(locale: Locale, key: string, message: string): string[] {
  try {
    return messageArguments(message);
  } catch (error) {
    throw new CatalogError(`locales/${locale}.json: ${key} is not valid ICU MessageFormat (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The validated catalogs of every locale. The build (`scripts/build.mjs`) validates the files it
 * bundles and fails on a broken one, so the built bot trusts them rather than parse every message
 * of every locale at each start; from the sources (tsx, tests) they are validated here.
 */
export const catalogs: Record<Locale, Messages> = RUNNING_BUILT ? (CATALOG_FILES as Record<Locale, Messages>) : validateCatalogs(CATALOG_FILES);
