/**
 * `/cite <term> [footnote]`: the footnotes a piece rests on, with their URLs (or one footnote), and
 * how to cite the piece itself in Chicago and APA styles, always with the document's own caveat.
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT, text, type CommandRequest } from '../src/core/reply.js';
import { footnoteOption, termOption, visibilityOption } from '../src/core/options.js';
import { authorsText, citationOf, citationsBlock, echo, emptyDraft, entrySubtitle, referenceOf, targetLabel, type Target } from '../src/core/entry-views.js';
import { footnoteRange, howToCite } from '../src/core/citation-styles.js';
import { rawMarkers } from '../src/core/render-text.js';
import { resolveTerm, termResolution } from '../src/core/resolver.js';
import type { Translator } from '../src/i18n/translator.js';

/** The footnote numbers of a target: a section's are those its text cites, an entry's are all of its own. */
function footnotesOf(target: Target): number[] {
  const numbers = target.section ? rawMarkers(target.section.paragraphs.join('\n\n')) : target.entry.footnotes.map((footnote) => footnote.number);
  return [...numbers].filter((number) => citationOf(target.entry, number)).sort((a, b) => a - b);
}

function citeDraft(target: Target, footnote: number | undefined, lexicon: Lexicon, tr: Translator, style: 'chicago' | 'apa' = 'chicago'): ReplyDraft {
  const { entry } = target;
  const reference = referenceOf({ entryId: entry.id, ...(target.section ? { sectionId: target.section.id } : {}) });
  const request: CommandRequest = { command: 'cite', options: footnote === undefined ? { term: reference } : { term: reference, footnote } };
  const label = targetLabel(target);
  const draft = emptyDraft('citation', footnote === undefined ? tr.t('cite.sourcesTitle', { label }) : tr.t('cite.footnoteTitle', { number: String(footnote), label }), request);
  draft.subtitle = entrySubtitle(entry, tr);
  draft.entryId = entry.id;
  if (target.section) draft.sectionId = target.section.id;
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [
    { kind: 'share', label: tr.t('button.share'), request },
    { kind: 'open', label: tr.t('button.define', { term: entry.term }).slice(0, 80), request: { command: 'define', options: { term: reference } } },
  ];

  if (footnote === undefined) {
    const all = footnotesOf(target);
    const summary = all.length === 0 ? tr.t('cite.none', { label }) : tr.t('cite.restsOn', { label, count: all.length, range: footnoteRange(all, tr) });
    draft.blocks = [text(summary), ...citationsBlock(entry, all), ...howToCite(entry, tr, style)];
    return draft;
  }

  if (citationOf(entry, footnote)) {
    draft.blocks = [...citationsBlock(entry, [footnote]), ...howToCite(entry, tr, style)];
    return draft;
  }
  const holder = lexicon.entryOfFootnote(footnote);
  draft.blocks = [
    text(
      holder
        ? tr.t('cite.elsewhere', { number: String(footnote), term: entry.term, holder: holder.term, authors: tr.series(holder.authors) })
        : tr.t('cite.noSuchFootnote', { number: String(footnote) }),
    ),
  ];
  draft.actions = holder
    ? [{ kind: 'open', label: tr.t('button.footnoteIn', { number: String(footnote), term: holder.term }).slice(0, 80), request: { command: 'cite', options: { term: holder.id, footnote } } }]
    : [];
  return draft;
}

/** Most footnotes listed for a scholar or work. */
const WORKS_CITED_LIMIT = 10;

/** The footnotes that cite a scholar or work, each with its entry, in document order. */
function worksCitedDraft(lexicon: Lexicon, query: string, tr: Translator): ReplyDraft | undefined {
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
  const request: CommandRequest = { command: 'cite', options: { term: query } };
  const draft = emptyDraft('citation', tr.t('cite.worksTitle', { query: shown }), request);
  draft.subtitle = tr.t('cite.footnoteCount', { count: citations.length });
  draft.entryId = entries[0]?.id ?? null;
  draft.blocks = [
    text(tr.t('cite.worksSummary', {
      count: citations.length,
      query: shown,
      list: tr.items(
        citations.map((c) => tr.t('cite.worksItem', { number: String(c.number), term: lexicon.entry(c.entryId)?.term ?? c.entryId, authors: authorsText(lexicon.entry(c.entryId)?.authors ?? [], tr) })),
      ),
    })),
    { kind: 'citations', citations },
  ];
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [
    { kind: 'share', label: tr.t('button.share'), request },
    ...entries.slice(0, 3).map((entry) => ({ kind: 'open' as const, label: tr.t('button.define', { term: entry.term }).slice(0, 80), request: { command: 'define', options: { term: entry.id } } })),
  ];
  return draft;
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
  handle({ term, footnote }, context) {
    const { lexicon } = context;
    // A bare number ("/cite 28"): the footnote, in whichever entry cites it.
    const bare = /^(?:n\.?|fn\.?|note|footnote)?\s*(\d{1,3})$/i.exec(term);
    const holder = footnote === undefined && bare ? lexicon.entryOfFootnote(Number(bare[1])) : undefined;
    if (holder) return citeDraft({ entry: holder }, Number(bare![1]), lexicon, context.tr, context.preferences.citation);
    // A scholar or a work ("/cite Przystup"): the footnotes that cite it, unless the term names a piece as such.
    const named = termResolution(lexicon, term).matches.some((match) => match.exact || match.matchedOn === 'id');
    if (!named && footnote === undefined) {
      const works = worksCitedDraft(lexicon, term, context.tr);
      if (works) return works;
    }
    const resolved = resolveTerm(context, term, 'cite');
    return resolved.target ? citeDraft(resolved.target, footnote, lexicon, context.tr, context.preferences.citation) : resolved.reply;
  },
});
