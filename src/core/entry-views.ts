/**
 * Small pieces every command builds its reply from: how an entry is labelled (author, piece), its
 * footnotes as citations, references that a button can replay (`empathy/confidence`), and how user
 * text is echoed.
 */
import type { ReplyDraft } from './command.js';
import type { Entry, Section } from './entry.js';
import type { Lexicon } from './lexicon.js';
import type { Block, Citation, CommandRequest, ReplyAction, SuggestionsBlock, SuggestionView, TranslationView } from './reply.js';
import { clipGraphemes } from './graphemes.js';
import { plainText, stripControlCharacters } from './render-text.js';
import { glossaryAddress } from '../search/index.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { andList } from '../i18n/words.js';
import { describeSource } from './translations.js';

/** "II.5A Empathy, Part I: Defining Confidence, Trust, Empathy"; "I. Overview" for the overview. */
export function pieceLabel(entry: Entry): string {
  return entry.number ? `${entry.part}.${entry.number} ${entry.title}` : `${entry.part}. ${entry.title}`;
}

/** "David A. Welch"; "Chen and Evans"; "A, B and C" (the names verbatim, the "and" in the reader's language). */
export function authorsText(authors: readonly string[], tr: Translator = createTranslator()): string {
  return andList(tr, authors);
}

/** One line under a title: "David A. Welch · II.5A Empathy, Part I: …". */
export function entrySubtitle(entry: Entry, tr: Translator = createTranslator()): string {
  return `${authorsText(entry.authors, tr)} · ${pieceLabel(entry)}`;
}

/** An entry's footnote as a reply citation (text rendered plain). */
export function citationOf(entry: Entry, number: number): Citation | undefined {
  const footnote = entry.footnotes.find((f) => f.number === number);
  if (!footnote) return undefined;
  return { number, text: plainText(footnote.text), urls: [...footnote.urls], entryId: entry.id };
}

/** What a term resolved to. */
export interface Target {
  entry: Entry;
  section?: Section;
}

/** "empathy" or "empathy/confidence": a reference a button can replay exactly. */
export function referenceOf(target: { entryId: string; sectionId?: string; glossaryTerm?: string }): string {
  if (target.glossaryTerm !== undefined) return glossaryAddress(target.entryId, target.glossaryTerm);
  return target.sectionId ? `${target.entryId}/${target.sectionId}` : target.entryId;
}

/** The compact form of a reference, "@6" or "@6.3" (entry order, 1-based section index), for tight button state. */
export function compactReference(lexicon: Pick<Lexicon, 'entries' | 'entry'>, reference: string): string | undefined {
  const target = targetOfReference(lexicon, reference);
  if (!target) return undefined;
  if (!target.section) return `@${target.entry.order}`;
  return `@${target.entry.order}.${target.entry.sections.indexOf(target.section) + 1}`;
}

/** The entry (and section) a reference names: "empathy", "empathy/confidence", "@6", "@6.3". */
export function targetOfReference(lexicon: Pick<Lexicon, 'entries' | 'entry'>, reference: string): Target | undefined {
  const compact = /^@(\d+)(?:\.(\d+))?$/.exec(reference);
  if (compact) {
    const entry = lexicon.entries.find((e) => e.order === Number(compact[1]));
    if (!entry) return undefined;
    if (compact[2] === undefined) return { entry };
    const section = entry.sections[Number(compact[2]) - 1];
    return section ? { entry, section } : undefined;
  }
  const plain = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/([a-z0-9]+(?:-[a-z0-9]+)*))?$/.exec(reference);
  if (!plain) return undefined;
  const entry = lexicon.entry(plain[1] ?? '');
  if (!entry) return undefined;
  if (plain[2] === undefined) return { entry };
  const section = entry.sections.find((s) => s.id === plain[2]);
  return section ? { entry, section } : undefined;
}

/** The label of an entry or section: "Empathy" or "Empathy › Confidence". */
export function targetLabel(target: Target): string {
  return target.section?.heading ? `${target.entry.term} › ${target.section.heading}` : target.entry.term;
}

/** The entry and section of a match, if they exist. */
export function targetOfMatch(lexicon: Pick<Lexicon, 'entry'>, match: { entryId: string; sectionId?: string }): Target | undefined {
  const entry = lexicon.entry(match.entryId);
  if (!entry) return undefined;
  if (!match.sectionId) return { entry };
  const section = entry.sections.find((s) => s.id === match.sectionId);
  return section ? { entry, section } : { entry };
}

/** A suggestion view of a match. */
export function suggestionView(match: { entryId: string; sectionId?: string; glossaryTerm?: string; label: string }): SuggestionView {
  const view: SuggestionView = { entryId: match.entryId, label: match.label };
  if (match.sectionId) view.sectionId = match.sectionId;
  if (match.glossaryTerm !== undefined) view.glossaryTerm = match.glossaryTerm;
  return view;
}

/** A button that answers `command` on a suggestion, privately (define by default). */
export function suggestionAction(view: SuggestionView, command = 'define'): ReplyAction {
  return {
    kind: 'open',
    label: clipGraphemes(view.label, 80),
    request: { command, options: { term: referenceOf(view) } },
  };
}

/** The suggestions of a block as buttons, each answering the block's command privately. */
export function suggestionActions(block: SuggestionsBlock): ReplyAction[] {
  return block.suggestions.map((view) => suggestionAction(view, block.command));
}

/** Longest echo of user text in a title or sentence, in graphemes. */
export const ECHO_MAX = 60;

/**
 * What user text looks like when echoed back: no control characters, spaces collapsed, at most
 * ECHO_MAX graphemes (never cut inside an emoji). For display only: a replay request keeps the text whole.
 */
export function echo(input: string): string {
  return clipGraphemes(stripControlCharacters(input).replace(/\s+/g, ' ').trim(), ECHO_MAX);
}

/** A draft with an empty body; commands fill in what they answer. */
export function emptyDraft(kind: ReplyDraft['kind'], title: string, request: CommandRequest): ReplyDraft {
  return { kind, title, entryId: null, blocks: [], actions: [], request };
}

/** The footnotes of an entry among `numbers`, in number order, as a citations block (none when empty). */
export function citationsBlock(entry: Entry, numbers: Iterable<number>): Block[] {
  const citations = [...new Set(numbers)]
    .sort((a, b) => a - b)
    .flatMap((number) => {
      const citation = citationOf(entry, number);
      return citation ? [citation] : [];
    });
  return citations.length > 0 ? [{ kind: 'citations', citations }] : [];
}

/** Translations that share one provenance, so a surface names the source once above them. */
export interface TranslationGroup {
  source: string;
  translations: TranslationView[];
}

/** Translations grouped by where the document records them (named in the reader's language), groups and members in the given order. */
export function translationsBySource(translations: readonly TranslationView[], tr: Translator): TranslationGroup[] {
  const groups = new Map<string, TranslationView[]>();
  for (const translation of translations) {
    const source = describeSource(translation.source, tr);
    const group = groups.get(source);
    if (group) group.push(translation);
    else groups.set(source, [translation]);
  }
  return [...groups].map(([source, members]) => ({ source, translations: members }));
}
