/**
 * The translations the document records, each with its provenance, and nothing else:
 * - the 5A appendix table (Confidence, Trust, Empathy in Mandarin, Japanese, Korean);
 * - the four Chinese renderings of "Consociational Security Order" at the document's end;
 * - footnote 28's romanized xinren / xinlai;
 * - the Chinese title footnote 125 gives for the new model of major power relations.
 * Every extraction fails loudly when the document does not read as expected.
 */
import type { Table, Translation, TranslationLanguage } from '../core/entry.js';
import { ImportError } from './errors.js';
import type { ImportedFootnote } from './footnotes.js';

const APPENDIX_LANGUAGES: Readonly<Record<string, TranslationLanguage>> = { Mandarin: 'zh', Japanese: 'ja', Korean: 'ko' };

/** "信心 (XinXin)" / "確信(Kakushin)" → text and romanization. */
export function splitRendering(rendering: string): { text: string; romanization?: string } {
  const match = /^(.+?)\s*\(([^)]+)\)$/.exec(rendering.trim());
  if (!match) return { text: rendering.trim() };
  return { text: (match[1] ?? '').trim(), romanization: (match[2] ?? '').trim() };
}

/** One record per rendering in the 5A appendix table. */
export function appendixTranslations(table: Table, by: string): Translation[] {
  const english = table.columns.indexOf('English');
  if (english === -1) throw new ImportError(`table "${table.caption}" has no "English" column`);
  const label = `5A ${table.caption} (${by})`;
  const translations: Translation[] = [];
  for (const row of table.rows) {
    const concept = (row[english] ?? '').trim().toLowerCase();
    table.columns.forEach((column, index) => {
      const language = APPENDIX_LANGUAGES[column];
      if (!language) return;
      for (const rendering of (row[index] ?? '').split('\n').filter((line) => line.trim() !== '')) {
        translations.push({ concept, language, ...splitRendering(rendering), source: { label, by } });
      }
    });
  }
  return translations;
}

/** The Chinese renderings the document ends with, and who prepared them when. */
export interface RenderingsAppendix {
  by: string;
  date: string;
  heading: string;
  translations: Translation[];
}

/**
 * Parses the document's closing page: "Prepared by Professor Jiang Wenran", "December 2013", the
 * heading "Consociational Security Order (CSO) Chinese translation:", then each rendering
 * "协和安全机制 (xiehe anquan jizhi)" followed by per-word glosses "xiehe : harmonious, …". A gloss
 * the converter broke over two lines ("anquan:" / "security") is joined, and the converter's
 * "co---existence" is read as the "co-existence" the PDF prints.
 */
export function parseRenderingsAppendix(text: string): RenderingsAppendix {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/^-{3,}$/.test(line));
  const preparedBy = /^Prepared by (?:Professor )?(.+)$/.exec(lines[0] ?? '');
  const date = lines[1];
  const headingMatch = /^\*\*(.+?)\s*(?:\(([A-Z]+)\))?\s*Chinese translation:\*\*$/.exec(lines[2] ?? '');
  if (!preparedBy?.[1] || !date || !headingMatch?.[1]) throw new ImportError('the closing renderings page does not start with "Prepared by …", a date and a "… Chinese translation:" heading');
  const by = preparedBy[1].trim();
  const concept = headingMatch[1].trim().toLowerCase();
  const heading = (lines[2] ?? '').replace(/\*\*/g, '');
  const label = `${heading.replace(/:$/, '')}, prepared by ${by}, ${date}`;

  const translations: Translation[] = [];
  let current: Translation | undefined;
  let pendingWord: string | undefined;
  for (const line of lines.slice(3)) {
    const rendering = /^(\p{Script=Han}+)\s*\(([^)]+)\)$/u.exec(line);
    if (rendering) {
      current = { concept, language: 'zh', text: rendering[1] ?? '', romanization: (rendering[2] ?? '').trim(), glosses: [], source: { label, by, date } };
      translations.push(current);
      pendingWord = undefined;
      continue;
    }
    if (!current) throw new ImportError(`closing renderings page: "${line}" before the first rendering`);
    const gloss = /^([a-z]+)\s*:\s*(.*)$/.exec(line);
    const word = gloss ? gloss[1] ?? '' : pendingWord;
    const meaning = (gloss ? gloss[2] ?? '' : line).replace(/-{3}/g, '-').trim();
    if (word === undefined) throw new ImportError(`closing renderings page: cannot read "${line}"`);
    if (meaning === '') {
      pendingWord = word;
      continue;
    }
    pendingWord = undefined;
    current.glosses?.push({ word, meaning });
  }
  if (translations.length === 0) throw new ImportError('closing renderings page: no renderings found');
  return { by, date, heading, translations };
}

/**
 * Footnote 28: "In Chinese, *xinren* and *xinlai* correspond roughly to ‘confidence’ and ‘trust’
 * respectively". The footnote gives romanizations only, no characters.
 */
export function footnote28Translations(footnote: ImportedFootnote, label: string): Translation[] {
  const match = /In Chinese, \*(\w+)\* and \*(\w+)\* correspond roughly to ‘(\w+)’ and ‘(\w+)’ respectively/.exec(footnote.text);
  if (!match) throw new ImportError(`footnote ${footnote.number} no longer names the two Chinese terms for confidence and trust`);
  const source = { label, footnote: footnote.number, kind: 'footnote' as const };
  return [
    { concept: (match[3] ?? '').toLowerCase(), language: 'zh', romanization: match[1] ?? '', source },
    { concept: (match[4] ?? '').toLowerCase(), language: 'zh', romanization: match[2] ?? '', source },
  ];
}

/**
 * A Chinese title a footnote gives for a term: the quoted title's main part, before its subtitle
 * colon (footnote 125: “新型大国关系：理…” → 新型大国关系).
 */
export function footnoteTitleTranslation(footnote: ImportedFootnote, concept: string, label: string): Translation {
  const match = /“(\p{Script=Han}+)：/u.exec(footnote.text);
  if (!match?.[1]) throw new ImportError(`footnote ${footnote.number} gives no Chinese title`);
  return { concept, language: 'zh', text: match[1], source: { label, footnote: footnote.number, kind: 'cited-title' } };
}
