/**
 * `/compare <first> <second>`: two definitions side by side, each the author's own first defining
 * paragraph, verbatim, with its author (e.g. confidence and trust in Welch's 5A).
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import { SOURCE_CAVEAT, text, type Block, type CommandRequest } from '../src/core/reply.js';
import { termOption, visibilityOption } from '../src/core/options.js';
import { authorsText, citationsBlock, echo, emptyDraft, pieceLabel, referenceOf, targetLabel, type Target } from '../src/core/entry-views.js';
import { firstDefiningQuotes, markersIn } from '../src/core/definition.js';
import { resolveTerm, type Resolution } from '../src/core/resolver.js';
import { foldKey } from '../src/core/translations.js';

/**
 * When one side is a section of an entry and the other term is the heading of another section of
 * that same entry, compare within the entry: "compare confidence trust" sets Welch's Confidence
 * beside his Trust, not beside the separate Trust entry.
 */
function sibling(of: Target | undefined, term: string): Target | undefined {
  if (!of?.section) return undefined;
  const key = foldKey(term);
  const section = of.entry.sections.find((s) => s.id !== of.section?.id && s.heading !== null && foldKey(s.heading) === key);
  return section ? { entry: of.entry, section } : undefined;
}

function referenceOfTarget(target: Target): string {
  return referenceOf({ entryId: target.entry.id, ...(target.section ? { sectionId: target.section.id } : {}) });
}

/** The reply for a side that refers to nothing definite, saying which side. */
function unresolved(resolution: Resolution, term: string) {
  const reply = resolution.reply!;
  const why = reply.kind === 'no-match' ? `Nothing to compare: “${echo(term)}” matches no entry.` : `Which “${echo(term)}” do you mean? Pick one, then compare again.`;
  return { ...reply, blocks: [text(why), ...reply.blocks] };
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
    const resolvedA = resolveTerm(context, first, 'define');
    const resolvedB = resolveTerm(context, second, 'define');
    const a = sibling(resolvedB.target, first) ?? resolvedA.target;
    if (!a) return unresolved(resolvedA, first);
    const b = sibling(resolvedA.target, second) ?? resolvedB.target;
    if (!b) return unresolved(resolvedB, second);

    const sameEntry = a.entry.id === b.entry.id;
    const heading = (target: Target): Block => ({
      kind: 'heading',
      text: sameEntry ? `${targetLabel(target)} — ${authorsText(target.entry.authors)}` : `${targetLabel(target)} — ${authorsText(target.entry.authors)} (${pieceLabel(target.entry)})`,
    });
    const refA = referenceOfTarget(a);
    const refB = referenceOfTarget(b);
    const request: CommandRequest = { command: 'compare', options: { first: refA, second: refB } };
    const left = firstDefiningQuotes(a);
    const right = firstDefiningQuotes(b);
    const draft = emptyDraft('comparison', `${targetLabel(a)} / ${targetLabel(b)}`, request);
    draft.subtitle = sameEntry ? `${authorsText(a.entry.authors)} · ${pieceLabel(a.entry)}` : 'Two definitions side by side';
    const citations = [...citationsBlock(a.entry, markersIn(left)), ...(refA === refB ? [] : citationsBlock(b.entry, markersIn(right)))].flatMap((block) =>
      block.kind === 'citations' ? block.citations : [],
    );
    const unique = citations.filter((c, i) => citations.findIndex((d) => d.entryId === c.entryId && d.number === c.number) === i);
    draft.blocks = [
      ...(refA === refB ? [text('Both terms name the same entry.'), heading(a), ...left] : [heading(a), ...left, heading(b), ...right]),
      ...(unique.length > 0 ? [{ kind: 'citations' as const, citations: unique }] : []),
    ];
    draft.notice = SOURCE_CAVEAT;
    draft.actions = [
      { kind: 'share', label: 'Share', request },
      { kind: 'open', label: `Define ${targetLabel(a)}`.slice(0, 80), request: { command: 'define', options: { term: refA } } },
      ...(refA === refB ? [] : [{ kind: 'open' as const, label: `Define ${targetLabel(b)}`.slice(0, 80), request: { command: 'define', options: { term: refB } } }]),
    ];
    return draft;
  },
});
