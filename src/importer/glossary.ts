/**
 * The document's own glossary: acronyms the pieces spell out and terms they define, extracted from
 * the entry text as verbatim spans (the sentence that spells out or defines the term), with where
 * they are and the footnotes the span carries. Curation (`glossary: accept / reject / add`) has the
 * last word; see entries/curation.yaml.
 *
 * Acronyms follow Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation
 * definitions in biomedical text": a short form in parentheses after its long form (or, as the
 * document also prints it, a long form in parentheses after the short form), the long form found by
 * matching the short form's characters backwards, its first character at the start of a word. Word
 * initials are tried first (case-sensitive, then not), which is what S–H's character matching
 * approximates and gets right more often on title-case names ("Conference on Interaction and
 * Cooperation and Confidence Building Measures in Asia (CICA)").
 */
import type { GlossaryItem } from '../core/entry.js';

/** A paragraph or footnote of one entry, as the entry body holds it (markers `[^N]`). */
export interface GlossarySourceText {
  section?: string;
  paragraph?: number;
  footnote?: number;
  text: string;
}

/** Abbreviations that end with a full stop without ending the sentence. */
const NON_FINAL = /(?:\b(?:e\.g|i\.e|etc|vs|Mr|Mrs|Dr|Prof|No|Vol|pp|p|al|cf|St|ed|eds|trans|rev|enl|Abr|op\. cit)|\b[A-Z]|\bU\.S|\bD\.C)$/;

/** Sentences of a text as [start, end) ranges, ends after the full stop, closing quotes and markers. */
export function sentenceRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const boundary = /[.!?]["”’)]*(?:\[\^\d+\])*(?=\s+["“‘(*A-Z0-9])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const before = text.slice(start, match.index);
    if (NON_FINAL.test(before)) continue;
    ranges.push([start, end]);
    start = end;
    while (start < text.length && /\s/.test(text[start] ?? '')) start++;
  }
  if (start < text.length) ranges.push([start, text.length]);
  return ranges;
}

/** Words of a candidate long form with their offsets; hyphenated parts count as words. */
function words(text: string): { word: string; start: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}&']+/gu)].map((m) => ({ word: m[0], start: m.index }));
}

/** Initial-letter matching of a short form against the end of `window`, or undefined. */
function byInitials(shortForm: string, window: string, caseSensitive: boolean): string | undefined {
  const letters = [...shortForm].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const list = words(window);
  const same = (a: string, b: string) => (caseSensitive ? a === b : a.toLowerCase() === b.toLowerCase());
  let w = list.length - 1;
  for (let s = letters.length - 1; s >= 0; s--) {
    const letter = letters[s]!;
    // The last letter names the last word: the long form ends right before the parenthesis.
    if (s === letters.length - 1) {
      if (!list[w] || !same(list[w]!.word[0] ?? '', letter)) return undefined;
    } else {
      while (w >= 0 && !same(list[w]!.word[0] ?? '', letter)) w--;
      if (w < 0) return undefined;
    }
    if (s > 0) w--;
  }
  const first = list[w];
  return first ? window.slice(first.start) : undefined;
}

/** Schwartz–Hearst: match characters backwards, the first at a word start. */
function schwartzHearst(shortForm: string, window: string): string | undefined {
  let l = window.length - 1;
  for (let s = shortForm.length - 1; s >= 0; s--) {
    const c = shortForm[s]!.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(c)) continue;
    while (l >= 0 && (window[l]!.toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(window[l - 1]!)))) l--;
    if (l < 0) return undefined;
    l--;
  }
  return window.slice(l + 1);
}

/** The long form of `shortForm` at the end of `before` (the text before the parenthesis), if any. */
export function longFormOf(shortForm: string, before: string): string | undefined {
  const letters = shortForm.replace(/[^\p{L}\p{N}]/gu, '');
  const singular = /[A-Z]s$/.test(shortForm) ? shortForm.slice(0, -1) : shortForm;
  const all = words(before);
  const windowOf = (count: number) => before.slice(all[Math.max(0, all.length - count)]?.start ?? 0);
  const wide = windowOf(Math.max(letters.length + 7, 2 * letters.length));
  const narrow = windowOf(Math.min(letters.length + 5, 2 * letters.length));
  const found = byInitials(singular, wide, true) ?? byInitials(singular, narrow, false) ?? schwartzHearst(singular, narrow);
  if (!found) return undefined;
  const trimmed = found.replace(/^[\s"“‘*(]+|[\s"”’*,]+$/g, '');
  if (trimmed.length <= shortForm.length || trimmed.split(/\s+/).length > letters.length + 7) return undefined;
  // A long form spanning a clause boundary is not one name.
  if (/[;:()]/.test(trimmed)) return undefined;
  return trimmed;
}

/** A short form: 2–10 characters, one or two words, starting with a letter, with at least two capitals. */
function isShortForm(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9&\-.]*(?: [A-Z0-9]+)?$/.test(text) && text.length >= 2 && text.length <= 10 && (text.match(/[A-Z]/g) ?? []).length >= 2;
}

/** Footnote numbers marked inside a span. */
export function markersIn(span: string): number[] {
  return [...span.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1]));
}

interface Found {
  term: string;
  longForm?: string;
  quoting?: string;
  kind: GlossaryItem['kind'];
}

/** Acronyms spelled out in one sentence: `Long Form (SF)` and `SF (Long Form)`. */
function acronymsIn(sentence: string): Found[] {
  const found: Found[] = [];
  for (const match of sentence.matchAll(/\(([^()]{2,120})\)/g)) {
    const inside = match[1]!.trim();
    const before = sentence.slice(0, match.index);
    if (isShortForm(inside)) {
      const longForm = longFormOf(inside, before.replace(/\s+$/, ''));
      if (longForm) found.push({ term: inside, longForm, kind: 'acronym' });
      continue;
    }
    // "CSIS(Center for Strategic and International Studies)", "MMR (Military to Military Relations)"
    const shortBefore = /([A-Z][A-Za-z&]{1,9})\s?$/.exec(before)?.[1];
    if (shortBefore && isShortForm(shortBefore) && /^[A-Z]/.test(inside)) {
      const longForm = longFormOf(shortBefore, inside);
      if (longForm === inside) found.push({ term: shortBefore, longForm, kind: 'acronym' });
    }
  }
  return found;
}

const QUOTED = String.raw`[“"‘']\*?([^”"’*]{2,60}?)\*?[,.]?[”"’']`;

/**
 * The document's own defining patterns, each giving the term (group 1) and, where a source is
 * quoted, the source (group "by").
 */
const DEFINING: { pattern: RegExp; quoting?: boolean }[] = [
  // "*The availability heuristic.* This is the tendency …"
  { pattern: /^\*([^*]{3,60}?)\.\* (?:This is|We often)/ },
  // "Lieberthal and Wang define “strategic distrust” as …", "The OED defines trust as …"
  { pattern: new RegExp(String.raw`^(?<by>(?:The )?[A-Z][\w.]*(?: (?:and )?[A-Z]\w+)?) define[s]? (?:strategies of )?(?:${QUOTED}|([a-z][\w-]*)) as\b`), quoting: true },
  // "The OED definition of empathy is “…”"
  { pattern: /^(?<by>The [A-Z]{2,}) definition of ([a-z][\w-]*) is\b/, quoting: true },
  // "the … concept of “securitization,” or the process of …"
  { pattern: new RegExp(String.raw`concept of ${QUOTED},? or the\b`) },
  // "a “multiplex”, to borrow Yukio Satoh’s term"
  { pattern: new RegExp(String.raw`${QUOTED},? to borrow [A-Z][\w ]+’s term`) },
  // "(also called *Chance Engineering*)", "Also known as self-control"
  { pattern: /(?:also called|Also known as) \*?([A-Za-z][\w -]{2,40}?)\*?(?:\[\^\d+\])?[).]/ },
  // "The “community of human destiny” is an international value …"
  { pattern: new RegExp(String.raw`^(?:The |A )?${QUOTED} is (?:an?|the) `) },
  // "A consociational security order is the …", "Empathy is the capacity …", "Plasticity means that …"
  { pattern: /^(?:An? )?([A-Z][a-z-]+(?: [A-Za-z-]+){0,3}) (?:is (?:the capacity|a (?:type|kind|special kind|species) of|the political)|means that|means [A-Z] derives|refers to|involves extended)\b/ },
  // "In Management Science, opportunity refers to …", "In this case, security reassurance means that …"
  { pattern: /^In [\w ]+, ([a-z][a-z -]{2,40}?) (?:refers to|means that)\b/ },
  // "National Core Interests (NCI) refers those …"
  { pattern: /^([A-Z][\w ]{3,40}?) \([A-Z]{2,}\) refers\b/ },
];

/** A clause, not a term: "Because strategic trust refers to …". */
const LEADING_CONJUNCTION = /^(?:Because|But|And|While|Though|Although|If|So|As|Since|When)\b/;

/** "The availability heuristic" is listed as "availability heuristic"; the span keeps the article. */
function withoutArticle(term: string): string {
  return term.replace(/^(?:The|A|An) (?=\S)/, '');
}

/** Terms one sentence defines by the document's own patterns. */
function definitionsIn(sentence: string): Found[] {
  const found: Found[] = [];
  for (const { pattern, quoting } of DEFINING) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const term = (match.slice(1).find((group, i) => group !== undefined && i >= (match.groups?.['by'] ? 1 : 0) && group !== match.groups?.['by']) ?? '').trim();
    if (term.length < 3 || LEADING_CONJUNCTION.test(term)) continue;
    const by = quoting ? match.groups?.['by'] : undefined;
    found.push({ term: withoutArticle(term), kind: 'term', ...(by ? { quoting: by.replace(/^The /, '') } : {}) });
  }
  return found;
}

/** Everything the extractor finds in one entry's paragraphs and footnotes, in text order. */
export function extractGlossary(texts: readonly GlossarySourceText[]): GlossaryItem[] {
  const items: GlossaryItem[] = [];
  const seen = new Set<string>();
  for (const source of texts) {
    for (const [start, end] of sentenceRanges(source.text)) {
      const sentence = source.text.slice(start, end);
      for (const found of [...acronymsIn(sentence), ...definitionsIn(sentence)]) {
        const key = `${found.kind}:${found.term.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const item: GlossaryItem = {
          term: found.term,
          kind: found.kind,
          ...(found.longForm ? { longForm: found.longForm } : {}),
          ...(source.footnote !== undefined ? { footnote: source.footnote } : { section: source.section ?? 'intro', paragraph: source.paragraph ?? 0 }),
          text: sentence,
          footnotes: markersIn(sentence),
          ...(found.quoting ? { quoting: found.quoting } : {}),
          review: 'extracted',
        };
        items.push(item);
      }
    }
  }
  return items;
}
