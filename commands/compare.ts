/**
 * `/compare <first> <second>`: two definitions side by side, each the author's own first defining
 * paragraph, verbatim, with its author (e.g. confidence and trust in Welch's 5A). A side may be a
 * term of the document's glossary (its defining span), and two ideas one piece contrasts are read
 * as that piece's passages.
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { GlossaryItem } from '../src/core/entry.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT, text, type Block, type Citation, type CommandRequest, type TextBlock } from '../src/core/reply.js';
import { termOption, visibilityOption } from '../src/core/options.js';
import { authorsText, citationsBlock, echo, emptyDraft, pieceLabel, referenceOf, targetLabel, type Target } from '../src/core/entry-views.js';
import { firstDefiningQuotes, markersIn } from '../src/core/definition.js';
import { readTerm, translatorOf, type ResolveContext } from '../src/core/resolver.js';
import type { Translator } from '../src/i18n/translator.js';
import { glossaryReference, withQuotationNotes } from '../src/core/term-answers.js';
import { renderText } from '../src/core/render-text.js';
import { excerptOf } from '../src/core/excerpt-of.js';
import { foldKey } from '../src/core/translations.js';

/** One side of a comparison: an entry or section, or a glossary term (its defining span). */
interface Side {
  target: Target;
  glossary?: GlossaryItem;
  readAs?: TextBlock;
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
function withinOnePiece(lexicon: Lexicon, first: string, second: string, tr: Translator): [Side, Side] | undefined {
  const passagesOf = (term: string) => lexicon.search.passages(term, 12, true).filter((p) => p.footnote === undefined || /\s/.test(term) === false);
  const a = passagesOf(first);
  const b = passagesOf(second);
  const entryId = a.map((p) => p.entryId).find((id) => b.some((q) => q.entryId === id));
  const entry = entryId ? lexicon.entry(entryId) : undefined;
  if (!entry) return undefined;
  const side = (term: string, found: typeof a): Side | undefined => {
    const passage = found.find((p) => p.entryId === entry.id);
    if (!passage) return undefined;
    const raw = passage.footnote !== undefined
      ? entry.footnotes.find((f) => f.number === passage.footnote)?.text
      : entry.sections.find((s) => s.id === passage.sectionId)?.paragraphs[passage.paragraphIndex];
    const section = entry.sections.find((s) => s.id === passage.sectionId);
    if (raw === undefined) return undefined;
    return { target: section ? { entry, section } : { entry }, passage: excerptOf(raw, firstWordOf(raw, term)) };
  };
  const left = side(first, a);
  const right = side(second, b);
  if (!left || !right) return undefined;
  const note = text(tr.t('compare.withinOnePiece', { first: echo(first), second: echo(second), term: entry.term }));
  return [{ ...left, readAs: note }, right];
}

/** Where a term's first word first occurs in a text (case aside), to centre an excerpt on it. */
function firstWordOf(raw: string, term: string): string {
  const word = term.trim().split(/\s+/)[0] ?? term;
  const at = raw.toLowerCase().indexOf(word.toLowerCase());
  return at >= 0 ? raw.slice(at, at + word.length) : word;
}

/** Reads a side as define reads it (the one resolver); a tie settles on the best-ranked reading, said so. */
function resolve(context: ResolveContext, term: string): Side | ReplyDraft {
  const { lexicon } = context;
  const reading = readTerm(context, term, 'define', true);
  if (reading.kind === 'reply') {
    const draft = reading.draft;
    draft.blocks = [text(translatorOf(context).t('compare.nothing', { term: echo(term) })), ...draft.blocks];
    // A miss is not worth sharing: no button replays the comparison that found nothing.
    draft.actions = draft.actions.filter((action) => action.kind !== 'share');
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
function sideLabel(side: Side, tr: Translator): string {
  if (!side.glossary) return targetLabel(side.target);
  const spelled = side.glossary.longForm ? `${side.glossary.term} — ${side.glossary.longForm}` : side.glossary.term;
  return tr.t('compare.glossaryLabel', { spelled, term: side.target.entry.term });
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

function referenceOfTarget(target: Target): string {
  return referenceOf({ entryId: target.entry.id, ...(target.section ? { sectionId: target.section.id } : {}) });
}

/** The blocks of one side (heading, quoted words) and the footnotes its quotes cite. */
function sideBlocks(side: Side, sameEntry: boolean, tr: Translator): { blocks: Block[]; citations: Citation[] } {
  const { target } = side;
  const quotes: Block[] = side.passage !== undefined
    ? [{ kind: 'quote', text: renderText(side.passage).text }]
    : side.glossary ? [{ kind: 'quote', text: renderText(side.glossary.text).text }] : firstDefiningQuotes(target);
  const label = `${sideLabel(side, tr)} — ${authorsText(target.entry.authors, tr)}`;
  const heading: Block = { kind: 'heading', text: sameEntry || side.glossary ? label : label + tr.parenthesized(pieceLabel(target.entry)) };
  const citations = citationsBlock(target.entry, markersIn(quotes)).flatMap((block) => (block.kind === 'citations' ? block.citations : []));
  return { blocks: [heading, ...withQuotationNotes(target.entry, quotes, tr)], citations };
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
  handle({ first, second }, context) {
    const { lexicon, tr } = context;
    let resolvedA = resolve(context, first);
    let resolvedB = resolve(context, second);
    // Only when a side names nothing, or neither is a name as typed: an exact name is read as itself.
    if (!isSide(resolvedA) || !isSide(resolvedB) || (!resolvedA.exact && !resolvedB.exact)) {
      const within = withinOnePiece(lexicon, first, second, tr);
      if (within) [resolvedA, resolvedB] = within;
    }
    if (!isSide(resolvedA)) return resolvedA;
    if (!isSide(resolvedB)) return resolvedB;
    // Within one piece (Welch's Confidence beside his Trust) a term is read as that piece's section, and the reply says so.
    const siblingA = resolvedA.glossary ? undefined : sibling(resolvedB.target, first);
    const siblingB = resolvedB.glossary ? undefined : sibling(resolvedA.target, second);
    const sideA: Side = siblingA && referenceOfTarget(siblingA) !== referenceOfTarget(resolvedA.target) ? { target: siblingA, exact: true } : resolvedA;
    const sideB: Side = siblingB && referenceOfTarget(siblingB) !== referenceOfTarget(resolvedB.target) ? { target: siblingB, exact: true } : resolvedB;
    const a = sideA.target;
    const b = sideB.target;
    const sameEntry = a.entry.id === b.entry.id;

    const refOf = (side: Side) => (side.glossary ? glossaryReference(side.target.entry, side.glossary) : referenceOfTarget(side.target));
    const refA = refOf(sideA);
    const refB = refOf(sideB);
    // Share and the other buttons replay exactly what is shown: by address when both sides were read
    // as named (an address reads the same way again), else by the words as typed, so that a side read
    // as a passage of one piece, or with a "Read as" note, is read that way again.
    const byAddress = [sideA, sideB].every((side) => side.exact === true && side.readAs === undefined && side.passage === undefined);
    const request: CommandRequest = { command: 'compare', options: byAddress ? { first: refA, second: refB } : { first, second } };
    const left = sideBlocks(sideA, sameEntry, tr);
    const right = sideBlocks(sideB, sameEntry, tr);
    const draft = emptyDraft('comparison', `${sideLabel(sideA, tr)} / ${sideLabel(sideB, tr)}`, request);
    draft.subtitle = sameEntry ? `${authorsText(a.entry.authors, tr)} · ${pieceLabel(a.entry)}` : tr.t('compare.subtitle');
    const notes: Block[] = [sideA.readAs, sideB.readAs].filter((block): block is TextBlock => block !== undefined);
    const citations = [...left.citations, ...(refA === refB ? [] : right.citations)];
    const unique = citations.filter((c, i) => citations.findIndex((d) => d.entryId === c.entryId && d.number === c.number) === i);
    draft.blocks = [
      ...notes,
      ...(refA === refB ? [text(tr.t('compare.sameEntry')), ...left.blocks] : [...left.blocks, ...right.blocks]),
      ...(unique.length > 0 ? [{ kind: 'citations' as const, citations: unique }] : []),
    ];
    draft.notice = SOURCE_CAVEAT;
    draft.actions = [
      { kind: 'share', label: tr.t('button.share'), request },
      { kind: 'open', label: tr.t('button.define', { term: sideLabel(sideA, tr) }).slice(0, 80), request: { command: 'define', options: { term: refA } } },
      ...(refA === refB ? [] : [{ kind: 'open' as const, label: tr.t('button.define', { term: sideLabel(sideB, tr) }).slice(0, 80), request: { command: 'define', options: { term: refB } } }]),
    ];
    return draft;
  },
});
