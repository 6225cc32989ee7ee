/**
 * The languages the document records translations in, apart from the entry schema (`entry.ts`)
 * that uses it: the command options need only this, and a start from the build's prebuilt index
 * never builds the entry files' schemas.
 */
import * as z from 'zod';

/** BCP-47 language codes the document records translations in. */
export const TranslationLanguageSchema = z.enum(['zh', 'ja', 'ko']);
export type TranslationLanguage = z.infer<typeof TranslationLanguageSchema>;
