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
import {
  authorsText,
  echo,
  emptyDraft,
  noMatchReply,
  pieceLabel,
  referenceOf,
  resolveTarget,
  targetLabel,
  targetOfMatch,
} from '../src/core/entry-views.js';
import type { Target } from '../src/core/entry-views.js';
import { citationsIn, firstDefiningQuotes } from '../src/core/definition.js';
import { foldKey } from '../src/core/translations.js';

function resolve(lexicon: Lexicon, term: string): Target | ReplyDraft {
  const resolution = resolveTarget(lexicon, term);
  const best = resolution.matches[0];
  const target = best ? targetOfMatch(lexicon, best) : undefined;
  if (target) return target;
  const draft = noMatchReply(lexicon, term, resolution, 'define');
  draft.parts.unshift({ kind: 'text', text: `Nothing to compare: “${echo(term)}” matches no entry.` });
  return draft;
}

function isTarget(value: Target | ReplyDraft): value is Target {
  return 'entry' in value;
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

function side(target: Target): { parts: TextPart[]; citations: Citation[] } {
  const quotes = firstDefiningQuotes(target);
  const heading: TextPart = { kind: 'heading', text: `${targetLabel(target)} — ${authorsText(target.entry.authors)}` };
  return { parts: [heading, ...quotes], citations: citationsIn(target.entry, quotes) };
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
    const resolvedA = resolve(lexicon, first);
    if (!isTarget(resolvedA)) return resolvedA;
    const resolvedB = resolve(lexicon, second);
    if (!isTarget(resolvedB)) return resolvedB;
    const a = sibling(resolvedB, first) ?? resolvedA;
    const b = sibling(resolvedA, second) ?? resolvedB;

    const left = side(a);
    const right = side(b);
    const refA = referenceOf({ entryId: a.entry.id, ...(a.section ? { sectionId: a.section.id } : {}) });
    const refB = referenceOf({ entryId: b.entry.id, ...(b.section ? { sectionId: b.section.id } : {}) });
    const draft = emptyDraft('comparison', `${targetLabel(a)} / ${targetLabel(b)}`);
    draft.subtitle = a.entry.id === b.entry.id ? `${authorsText(a.entry.authors)} · ${pieceLabel(a.entry)}` : 'Two definitions side by side';
    draft.entryId = null;
    draft.parts = refA === refB ? [{ kind: 'text', text: 'Both terms name the same entry.' }, ...left.parts] : [...left.parts, ...right.parts];
    draft.fields = [
      { name: targetLabel(a), value: `${authorsText(a.entry.authors)} · ${pieceLabel(a.entry)}`, inline: true },
      { name: targetLabel(b), value: `${authorsText(b.entry.authors)} · ${pieceLabel(b.entry)}`, inline: true },
    ];
    draft.citations = [...left.citations, ...right.citations.filter((c) => !left.citations.some((l) => l.entryId === c.entryId && l.number === c.number))];
    draft.notice = SOURCE_CAVEAT;
    draft.actions = [
      { kind: 'share', label: 'Share', request: { command: 'compare', options: { first: refA, second: refB } } },
      { kind: 'define', label: `Define ${targetLabel(a)}`.slice(0, 80), request: { command: 'define', options: { term: refA } } },
      { kind: 'define', label: `Define ${targetLabel(b)}`.slice(0, 80), request: { command: 'define', options: { term: refB } } },
    ];
    return draft;
  },
});
