/**
 * `/cite <term> [footnote]`: the footnotes a piece rests on, with their URLs (or one footnote), and
 * how to cite the piece itself in Chicago and APA styles, always with the document's own caveat.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT } from '../src/core/reply.js';
import type { Citation } from '../src/core/reply.js';
import { footnoteOption, termOption, visibilityOption } from '../src/core/options.js';
import {
  ambiguousReply,
  authorsText,
  citationOf,
  echo,
  emptyDraft,
  entryFields,
  entryOfFootnote,
  entrySubtitle,
  noMatchReply,
  referenceOf,
  resolveTarget,
  singleMatch,
  targetLabel,
  targetOfMatch,
} from '../src/core/entry-views.js';
import type { Target } from '../src/core/entry-views.js';
import { footnoteRange, howToCite } from '../src/core/citation-styles.js';
import { rawMarkers } from '../src/core/render-text.js';

/** "n. 26–35" or "nn. 26, 28 and 30" style summary of footnote numbers. */
/** The footnotes of a target: a section's are those its text cites, an entry's are all of its own. */
function footnotesOf(target: Target): Citation[] {
  const numbers = target.section
    ? rawMarkers(target.section.paragraphs.join('\n\n'))
    : target.entry.footnotes.map((footnote) => footnote.number);
  return [...numbers]
    .sort((a, b) => a - b)
    .flatMap((number) => {
      const citation = citationOf(target.entry, number);
      return citation ? [citation] : [];
    });
}

function citeDraft(target: Target, footnote: number | undefined, lexicon: Lexicon): ReplyDraft {
  const { entry } = target;
  const reference = referenceOf({ entryId: entry.id, ...(target.section ? { sectionId: target.section.id } : {}) });
  const all = footnotesOf(target);
  const draft = emptyDraft('citation', footnote === undefined ? `Sources of ${targetLabel(target)}` : `Footnote ${footnote} · ${targetLabel(target)}`);
  draft.subtitle = entrySubtitle(entry);
  draft.entryId = entry.id;
  if (target.section) draft.sectionId = target.section.id;
  draft.fields = [...entryFields(entry), { name: 'Footnotes', value: footnoteRange(all.map((c) => c.number)), inline: true }];
  draft.notice = SOURCE_CAVEAT;
  const options: Record<string, string | number> = { term: reference };
  if (footnote !== undefined) options.footnote = footnote;
  draft.actions = [
    { kind: 'share', label: 'Share', request: { command: 'cite', options } },
    { kind: 'define', label: `Define ${entry.term}`.slice(0, 80), request: { command: 'define', options: { term: reference } } },
  ];

  if (footnote === undefined) {
    draft.citations = all;
    draft.parts = [
      {
        kind: 'text',
        text:
          all.length === 0
            ? `${targetLabel(target)} cites no footnotes.`
            : `${targetLabel(target)} rests on ${all.length === 1 ? 'one footnote' : `${all.length} footnotes`} (${footnoteRange(all.map((c) => c.number))}), listed with ${all.length === 1 ? 'its link' : 'their links'}.`,
      },
      ...howToCite(entry),
    ];
    return draft;
  }

  const own = citationOf(entry, footnote);
  if (own) {
    draft.citations = [own];
    draft.parts = howToCite(entry);
    return draft;
  }
  const holder = entryOfFootnote(lexicon, footnote);
  draft.fields = entryFields(entry);
  draft.parts = [
    {
      kind: 'text',
      text: holder
        ? `Footnote ${footnote} is not in ${entry.term}; it is cited in ${holder.term} (${holder.authors.join(', ')}).`
        : `The document has no footnote ${footnote}.`,
    },
  ];
  if (holder) {
    draft.suggestions = [holder.id];
    draft.suggestionViews = [{ entryId: holder.id, label: holder.term }];
    draft.actions = [
      { kind: 'sources', label: `Footnote ${footnote} in ${holder.term}`.slice(0, 80), request: { command: 'cite', options: { term: holder.id, footnote } } },
    ];
  } else draft.actions = [];
  return draft;
}

/** Most footnotes listed for a scholar or work. */
const WORKS_CITED_LIMIT = 10;

/** The footnotes that cite a scholar or work, each with its entry, in document order. */
function worksCitedDraft(lexicon: Lexicon, query: string): ReplyDraft | undefined {
  const found = lexicon.search.footnotes(query, WORKS_CITED_LIMIT);
  if (found.length === 0) return undefined;
  const citations = found
    .flatMap((passage) => {
      const entry = lexicon.entry(passage.entryId);
      const citation = entry && passage.footnote !== undefined ? citationOf(entry, passage.footnote) : undefined;
      return citation ? [citation] : [];
    })
    .sort((a, b) => a.number - b.number);
  const shown = echo(query);
  const entries = [...new Set(citations.map((c) => c.entryId))].flatMap((id) => lexicon.entry(id) ?? []);
  const draft = emptyDraft('citation', `Footnotes citing “${shown}”`);
  draft.subtitle = citations.length === 1 ? 'One footnote' : `${citations.length} footnotes`;
  draft.entryId = entries[0]?.id ?? null;
  draft.citations = citations;
  draft.parts = [{
    kind: 'text',
    text: `${citations.length === 1 ? 'One footnote cites' : `${citations.length} footnotes cite`} “${shown}”: ${citations
      .map((c) => `n. ${c.number} in ${lexicon.entry(c.entryId)?.term ?? c.entryId} (${authorsText(lexicon.entry(c.entryId)?.authors ?? [])})`)
      .join('; ')}.`,
  }];
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [
    { kind: 'share', label: 'Share', request: { command: 'cite', options: { term: query } } },
    ...entries.slice(0, 3).map((entry) => ({ kind: 'define' as const, label: `Define ${entry.term}`.slice(0, 80), request: { command: 'define', options: { term: entry.id } } })),
  ];
  return draft;
}

/** A bare number ("/cite 28"): the footnote, in whichever entry cites it. */
function footnoteLookup(lexicon: Lexicon, footnote: number): ReplyDraft | undefined {
  const holder = entryOfFootnote(lexicon, footnote);
  return holder ? citeDraft({ entry: holder }, footnote, lexicon) : undefined;
}

export default defineCommand({
  name: 'cite',
  description: 'A piece’s footnotes with their links, and how to cite it (Chicago, APA).',
  options: z.object({
    term: termOption('The entry whose sources you want, e.g. trust'),
    footnote: footnoteOption('Only this footnote number, e.g. 28').optional(),
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/cite trust', '/cite trust 28', '/cite empathy'],
  handle({ term, footnote }, { lexicon }) {
    const bare = /^(?:n\.?|fn\.?|note|footnote)?\s*(\d{1,3})$/i.exec(term);
    if (footnote === undefined && bare) {
      const lookup = footnoteLookup(lexicon, Number(bare[1]));
      if (lookup) return lookup;
    }
    const resolution = resolveTarget(lexicon, term);
    // A scholar or a work ("/cite Przystup"): the footnotes that cite it, unless the term names a piece as such.
    const named = resolution.matches.some((match) => match.exact || match.matchedOn === 'id');
    if (!named && footnote === undefined) {
      const works = worksCitedDraft(lexicon, term);
      if (works) return works;
    }
    if (resolution.matches.length === 0) return noMatchReply(lexicon, term, resolution, 'cite');
    const best = singleMatch(resolution);
    if (!best) return ambiguousReply(term, resolution.matches, 'cite');
    const target = targetOfMatch(lexicon, best);
    if (!target) return noMatchReply(lexicon, term, resolution, 'cite');
    return citeDraft(target, footnote, lexicon);
  },
});
