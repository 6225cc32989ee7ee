/**
 * `/compare <first> <second>`: two definitions side by side, each the author's own first defining
 * paragraph, verbatim, with its author (e.g. confidence and trust in Welch's 5A).
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT } from '../src/core/reply.js';
import type { Citation, TextPart } from '../src/core/reply.js';
import { termOption, visibilityOption } from '../src/core/options.js';
import type { GlossaryItem } from '../src/core/entry.js';
import { authorsText, echo, emptyDraft, pieceLabel, referenceOf, targetLabel } from '../src/core/entry-views.js';
import { readTerm } from '../src/core/read-term.js';
import { glossaryReference, withQuotationNotes } from '../src/core/term-answers.js';
import { renderText } from '../src/core/render-text.js';
import { excerptOf } from '../src/core/excerpt-of.js';
import type { Target } from '../src/core/entry-views.js';
import { citationsIn, firstDefiningQuotes } from '../src/core/definition.js';
import { foldKey } from '../src/core/translations.js';

/** One side of a comparison: an entry or section, or a glossary term (its defining span). */
interface Side {
  target: Target;
  glossary?: GlossaryItem;
  readAs?: TextPart;
  /** A passage of the piece that discusses both terms, verbatim (raw text, markers as [^N]). */
  passage?: string;
  /** Whether the term was read exactly as typed (a name, an alias, an address). */
  exact?: boolean;
}

/**
 * Two ideas one piece contrasts ("crisis management vs opportunity management", "conciliatory vs
 * hard-line policy"): when a side is not an exact name and one piece's text uses both terms, each
 * side is read as the passage of that piece that uses it, and the reply says so.
 */
function withinOnePiece(lexicon: Lexicon, first: string, second: string): [Side, Side] | undefined {
  const passagesOf = (term: string) => lexicon.search.passages(term, 12, true).filter((p) => p.footnote === undefined || /\s/.test(term) === false);
  const a = passagesOf(first);
  const b = passagesOf(second);
  const entryIds = a.map((p) => p.entryId).filter((id) => b.some((q) => q.entryId === id));
  const entryId = entryIds[0];
  const entry = entryId ? lexicon.entry(entryId) : undefined;
  if (!entry) return undefined;
  const side = (term: string, found: typeof a): Side | undefined => {
    const passage = found.find((p) => p.entryId === entry.id);
    if (!passage) return undefined;
    const text = passage.footnote !== undefined
      ? entry.footnotes.find((f) => f.number === passage.footnote)?.text
      : entry.sections.find((s) => s.id === passage.sectionId)?.paragraphs[passage.paragraphIndex];
    const section = entry.sections.find((s) => s.id === passage.sectionId);
    if (text === undefined) return undefined;
    return { target: section ? { entry, section } : { entry }, passage: excerptOf(text, firstWordOf(text, term)) };
  };
  const left = side(first, a);
  const right = side(second, b);
  if (!left || !right) return undefined;
  const note: TextPart = { kind: 'text', text: `Read “${echo(first)}” and “${echo(second)}” as ${entry.term} uses them: it discusses both.` };
  return [{ ...left, readAs: note }, right];
}

/** Where a term's first word first occurs in a text (case aside), to centre an excerpt on it. */
function firstWordOf(text: string, term: string): string {
  const word = term.trim().split(/\s+/)[0] ?? term;
  const at = text.toLowerCase().indexOf(word.toLowerCase());
  return at >= 0 ? text.slice(at, at + word.length) : word;
}

/** Reads a side as define reads it (core/read-term.ts); a tie settles on the best-ranked reading, said so. */
function resolve(lexicon: Lexicon, term: string): Side | ReplyDraft {
  const reading = readTerm(lexicon, term, 'define', true);
  if (reading.kind === 'reply') {
    const draft = reading.draft;
    draft.parts.unshift({ kind: 'text', text: `Nothing to compare: “${echo(term)}” names no entry or glossary term.` });
    return draft;
  }
  const entry = lexicon.entry(reading.match.entryId)!;
  const readAs = { ...(reading.readAs ? { readAs: reading.readAs } : {}), exact: reading.match.exact || reading.match.matchedOn === 'id' };
  if (reading.kind === 'glossary') {
    const item = entry.glossary[reading.match.glossaryIndex!]!;
    const section = entry.sections.find((s) => s.id === item.section);
    return { target: section ? { entry, section } : { entry }, glossary: item, ...readAs };
  }
  return { target: reading.target, ...readAs };
}

function isSide(value: Side | ReplyDraft): value is Side {
  return 'target' in value;
}

/** The label of a side: "ARF — ASEAN Regional Forum (in Trust)" for a glossary term. */
function sideLabel(side: Side): string {
  if (!side.glossary) return targetLabel(side.target);
  const spelled = side.glossary.longForm ? `${side.glossary.term} — ${side.glossary.longForm}` : side.glossary.term;
  return `${spelled} (in ${side.target.entry.term})`;
}

/**
 * When one side is a section of an entry and the other term is the heading of another section of
 * that same entry, compare within the entry: "compare confidence trust" sets Welch's Confidence
 * beside his Trust, not beside the separate Trust entry.
 */
function sibling(of: Target, term: string): Target | undefined {
  if (!of.section) return undefined;
  const key = foldKey(term);
  const section = of.entry.sections.find((s) => s.id !== of.section?.id && s.heading !== null && foldKey(s.heading) === key);
  return section ? { entry: of.entry, section } : undefined;
}

function sideParts(side: Side): { parts: TextPart[]; citations: Citation[] } {
  const { target } = side;
  const quotes: TextPart[] = side.passage !== undefined
    ? [{ kind: 'quote', text: renderText(side.passage).text }]
    : side.glossary ? [{ kind: 'quote', text: renderText(side.glossary.text).text }] : firstDefiningQuotes(target);
  const heading: TextPart = { kind: 'heading', text: `${sideLabel(side)} — ${authorsText(target.entry.authors)}` };
  return { parts: [heading, ...withQuotationNotes(target.entry, quotes)], citations: citationsIn(target.entry, quotes) };
}

export default defineCommand({
  name: 'compare',
  description: 'Two definitions side by side, each in its author’s own words, e.g. confidence and trust.',
  options: z.object({
    first: termOption('The first term, e.g. confidence'),
    second: termOption('The second term, e.g. trust'),
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/compare confidence trust', '/compare "confidence building measures" trust-building measures', '/compare self-restraint reassurance'],
  handle({ first, second }, { lexicon }) {
    let resolvedA = resolve(lexicon, first);
    let resolvedB = resolve(lexicon, second);
    // Only when a side names nothing, or neither is a name as typed: an exact name is read as itself.
    if (!isSide(resolvedA) || !isSide(resolvedB) || (!resolvedA.exact && !resolvedB.exact)) {
      const within = withinOnePiece(lexicon, first, second);
      if (within) [resolvedA, resolvedB] = within;
    }
    if (!isSide(resolvedA)) return resolvedA;
    if (!isSide(resolvedB)) return resolvedB;
    // Within one piece (Welch's Confidence beside his Trust) a term is read as that piece's section, and the reply says so.
    const siblingA = resolvedA.glossary ? undefined : sibling(resolvedB.target, first);
    const siblingB = resolvedB.glossary ? undefined : sibling(resolvedA.target, second);
    const withinNote = (term: string, target: Target): TextPart => ({
      kind: 'text',
      text: `Read “${echo(term)}” as ${targetLabel(target)}, beside the other term in the same piece; /define ${echo(term)} may answer with another entry.`,
    });
    const sideA: Side = siblingA && referenceOf({ entryId: siblingA.entry.id, sectionId: siblingA.section?.id ?? '' }) !== referenceOf({ entryId: resolvedA.target.entry.id, sectionId: resolvedA.target.section?.id ?? '' })
      ? { target: siblingA, readAs: withinNote(first, siblingA) } : resolvedA;
    const sideB: Side = siblingB && referenceOf({ entryId: siblingB.entry.id, sectionId: siblingB.section?.id ?? '' }) !== referenceOf({ entryId: resolvedB.target.entry.id, sectionId: resolvedB.target.section?.id ?? '' })
      ? { target: siblingB, readAs: withinNote(second, siblingB) } : resolvedB;
    const a = sideA.target;
    const b = sideB.target;

    const left = sideParts(sideA);
    const right = sideParts(sideB);
    const refOf = (side: Side) => side.glossary
      ? glossaryReference(side.target.entry, side.glossary)
      : referenceOf({ entryId: side.target.entry.id, ...(side.target.section ? { sectionId: side.target.section.id } : {}) });
    const refA = refOf(sideA);
    const refB = refOf(sideB);
    const draft = emptyDraft('comparison', `${sideLabel(sideA)} / ${sideLabel(sideB)}`);
    draft.subtitle = a.entry.id === b.entry.id ? `${authorsText(a.entry.authors)} · ${pieceLabel(a.entry)}` : 'Two definitions side by side';
    draft.entryId = null;
    const notes = [sideA.readAs, sideB.readAs].filter((part): part is TextPart => part !== undefined);
    draft.parts = refA === refB
      ? [...notes, { kind: 'text', text: 'Both terms name the same entry.' }, ...left.parts]
      : [...notes, ...left.parts, ...right.parts];
    draft.fields = [
      { name: sideLabel(sideA), value: `${authorsText(a.entry.authors)} · ${pieceLabel(a.entry)}`, inline: true },
      { name: sideLabel(sideB), value: `${authorsText(b.entry.authors)} · ${pieceLabel(b.entry)}`, inline: true },
    ];
    draft.citations = [...left.citations, ...right.citations.filter((c) => !left.citations.some((l) => l.entryId === c.entryId && l.number === c.number))];
    draft.notice = SOURCE_CAVEAT;
    draft.actions = [
      { kind: 'share', label: 'Share', request: { command: 'compare', options: { first: refA, second: refB } } },
      { kind: 'define', label: `Define ${sideLabel(sideA)}`.slice(0, 80), request: { command: 'define', options: { term: refA } } },
      { kind: 'define', label: `Define ${sideLabel(sideB)}`.slice(0, 80), request: { command: 'define', options: { term: refB } } },
    ];
    return draft;
  },
});
