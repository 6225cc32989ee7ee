/**
 * How to cite a piece of "Cooperative Security 2.0" in Chicago (bibliography) and APA (7th) styles.
 * The document itself asks not to be cited or circulated widely; every reply that shows these
 * carries SOURCE_CAVEAT as well.
 */
import type { Entry } from './entry.js';
import { text, type Block } from './reply.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { footnoteRangeText } from '../i18n/words.js';

/** The document's title, as printed on its cover. */
export const DOCUMENT_TITLE = 'Cooperative Security 2.0';
/** The occasion, as printed on its cover ("Materials for UBC-SIIA Workshop, Shanghai, 8-10 November 2013"). */
export const DOCUMENT_OCCASION = 'materials for the UBC–SIIA workshop, Shanghai, 8–10 November 2013';
export const DOCUMENT_YEAR = '2013';

/**
 * First words of names the document writes surname first (Chinese names), which citation styles
 * must not invert. Only surnames of the document's authors and common ones.
 */
const SURNAME_FIRST = new Set([
  'cai', 'chen', 'ji', 'jiang', 'zhang', 'zheng', 'zhou', 'wang', 'li', 'liu', 'yang', 'huang', 'zhao', 'wu', 'sun',
  'xu', 'ma', 'zhu', 'hu', 'guo', 'he', 'gao', 'lin', 'luo', 'song', 'xie', 'tang', 'han', 'feng', 'deng', 'cao',
]);

interface Name {
  family: string;
  given: string;
  surnameFirst: boolean;
}

function splitName(name: string): Name {
  const words = name.trim().split(/\s+/);
  if (words.length === 1) return { family: words[0] ?? name, given: '', surnameFirst: false };
  if (SURNAME_FIRST.has((words[0] ?? '').toLowerCase())) {
    return { family: words[0] ?? '', given: words.slice(1).join(' '), surnameFirst: true };
  }
  return { family: words[words.length - 1] ?? '', given: words.slice(0, -1).join(' '), surnameFirst: false };
}

/** "David A. Welch" -> "Welch, David A."; "Zhang Linting" stays "Zhang Linting" (Chicago 16.83). */
function chicagoInverted(name: string): string {
  const parts = splitName(name);
  if (parts.surnameFirst || parts.given === '') return name;
  return `${parts.family}, ${parts.given}`;
}

/** "David A. Welch" -> "Welch, D. A."; "Zhang Linting" -> "Zhang, L."; "Evans" -> "Evans". */
function apaName(name: string): string {
  const parts = splitName(name);
  if (parts.given === '') return parts.family;
  const initials = parts.given
    .split(/[\s-]+/)
    .filter((word) => word !== '')
    .map((word) => `${word.replace(/\.$/, '').charAt(0).toUpperCase()}.`)
    .join(' ');
  return `${parts.family}, ${initials}`;
}

function joinNames(names: string[], conjunction: string, serialComma: boolean): string {
  if (names.length <= 1) return names[0] ?? '';
  // Two names: the comma separates an inverted first name ("Welch, David A., and …"); surnames
  // alone take none ("Chen and Evans", "Chen & Evans").
  if (names.length === 2) return `${names[0]}${serialComma && names[0]!.includes(',') ? ',' : ''} ${conjunction} ${names[1]}`;
  return `${names.slice(0, -1).join(', ')}, ${conjunction} ${names[names.length - 1]}`;
}

function withFinalPeriod(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** Chicago bibliography style. */
export function chicagoCitation(entry: Entry): string {
  const [first = '', ...others] = entry.authors;
  const authors = joinNames([chicagoInverted(first), ...others], 'and', true);
  const title = entry.title.replace(/[.]$/, '');
  return `${withFinalPeriod(authors)} “${title}.” In ${DOCUMENT_TITLE}, ${DOCUMENT_OCCASION}. Unpublished workshop document.`;
}

/** APA 7th style. */
export function apaCitation(entry: Entry): string {
  const authors = joinNames(entry.authors.map(apaName), '&', true);
  return `${withFinalPeriod(authors)} (${DOCUMENT_YEAR}). ${withFinalPeriod(entry.title)} In ${DOCUMENT_TITLE} [Unpublished workshop materials]. UBC–SIIA workshop, Shanghai, 8–10 November 2013.`;
}

/** "n. 28", "nn. 57–59" or "nn. 7, 12": a list of footnote numbers as a reader cites them. */
export function footnoteRange(numbers: number[], tr: Translator = createTranslator()): string {
  return footnoteRangeText(tr, numbers);
}

/** The entry cited in one style. */
export function citationIn(style: 'chicago' | 'apa', entry: Entry): string {
  return style === 'apa' ? apaCitation(entry) : chicagoCitation(entry);
}

/**
 * The "How to cite this piece" parts: Chicago and APA, the team's style first. The labels are ours,
 * in the reader's language; the references themselves stay in the document's English, as a
 * bibliography cites it.
 */
export function howToCite(entry: Entry, tr: Translator = createTranslator(), first: 'chicago' | 'apa' = 'chicago'): Block[] {
  const chicago = text(tr.t('cite.chicago', { citation: chicagoCitation(entry) }));
  const apa = text(tr.t('cite.apa', { citation: apaCitation(entry) }));
  return [{ kind: 'heading', text: tr.t('cite.howTo') }, ...(first === 'apa' ? [apa, chicago] : [chicago, apa])];
}
