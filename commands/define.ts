/**
 * `/define <term>`: the author's own definition, verbatim, with author and piece, the recorded
 * translations of the term, the footnotes the quoted text cites, and related entries.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT } from '../src/core/reply.js';
import type { TextPart } from '../src/core/reply.js';
import { termOption, visibilityOption } from '../src/core/options.js';
import { emptyDraft, entryFields, entrySubtitle, referenceOf, targetLabel } from '../src/core/entry-views.js';
import { readTerm } from '../src/core/read-term.js';
import { glossaryDraft, renderingDraft, withQuotationNotes } from '../src/core/term-answers.js';
import type { Target } from '../src/core/entry-views.js';
import { citationsIn, definitionQuotes, definitionSection, tablesOf } from '../src/core/definition.js';
import { translationCatalog } from '../src/core/translations.js';
import { seeAlso } from '../src/core/see-also.js';

/** The definition reply of an entry or section. */
export function definitionDraft(lexicon: Lexicon, target: Target): ReplyDraft {
  const { entry, section } = target;
  const { lead, rest } = definitionQuotes(target);
  const quoted = definitionSection(target);
  // The section's tables (e.g. 5A's translation appendix) follow its text, as data.
  // A definition the author quotes from someone else (the OED in 5A) is labelled as a quotation.
  const parts: TextPart[] = withQuotationNotes(entry, [lead, ...rest, ...(quoted ? tablesOf(entry, quoted.id) : [])]);
  const catalog = translationCatalog(lexicon);
  const reference = referenceOf({ entryId: entry.id, ...(section ? { sectionId: section.id } : {}) });
  const citations = citationsIn(entry, parts);

  const draft = emptyDraft('definition', targetLabel(target));
  draft.subtitle = entrySubtitle(entry);
  draft.entryId = entry.id;
  if (section) draft.sectionId = section.id;
  draft.parts = parts;
  draft.fields = entryFields(entry);
  draft.citations = citations;
  draft.translations = catalog.conceptsOf(entry, section?.id).flatMap((concept) => catalog.renderings(concept));
  draft.seeAlso = seeAlso(lexicon, entry.id);
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [
    { kind: 'share', label: 'Share', request: { command: 'define', options: { term: reference } } },
    {
      kind: 'sources',
      // Replays this definition; the surface shows the footnotes of the page on screen (core/sources.ts).
      label: citations.length > 0 ? 'Sources' : 'How to cite',
      request: { command: 'define', options: { term: reference } },
    },
  ];
  return draft;
}

export default defineCommand({
  name: 'define',
  description: 'The author’s own definition of a term, verbatim, with its translations and footnotes.',
  options: z.object({
    term: termOption('The term to define, e.g. empathy, CBMs, 信任'),
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/define empathy', '/define trust-building measures', '/define confidence'],
  handle({ term }, { lexicon }) {
    const reading = readTerm(lexicon, term, 'define');
    if (reading.kind === 'reply') return reading.draft;
    // Typed in a rendering's script or romanization: the table row that records it, with its concept.
    const rendering = reading.match.matchedOn === 'translation' ? renderingDraft(lexicon, term) : undefined;
    if (rendering) return rendering;
    const draft = reading.kind === 'glossary'
      ? glossaryDraft(lexicon, reading.match, reading.others) ?? definitionDraft(lexicon, { entry: lexicon.entry(reading.match.entryId)! })
      : definitionDraft(lexicon, reading.target);
    if (reading.readAs) draft.parts = [reading.readAs, ...draft.parts];
    return draft;
  },
});
