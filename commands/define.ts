/**
 * `/define <term>`: the author's own definition, verbatim, with author and piece, the recorded
 * translations of the term, the footnotes the quoted text cites, and related entries.
 */
import * as z from 'zod';
import { createTranslator, type Translator } from '../src/i18n/translator.js';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT, type Block, type CommandRequest } from '../src/core/reply.js';
import { termOption, visibilityOption } from '../src/core/options.js';
import { citationsBlock, emptyDraft, entrySubtitle, referenceOf, targetLabel, type Target } from '../src/core/entry-views.js';
import { definitionQuotes, definitionSection, markersIn, tablesOf } from '../src/core/definition.js';
import { readTerm } from '../src/core/resolver.js';
import { glossaryDraft, renderingDraft, withQuotationNotes } from '../src/core/term-answers.js';

/** The definition reply of an entry or section. */
export function definitionDraft(lexicon: Lexicon, target: Target, tr: Translator = createTranslator()): ReplyDraft {
  const { entry, section } = target;
  const { lead, rest } = definitionQuotes(target);
  const quoted = definitionSection(target);
  // The section's tables (e.g. 5A's translation appendix) follow its text, as data.
  // A definition the author quotes from someone else (the OED in 5A) is labelled as a quotation.
  const body: Block[] = withQuotationNotes(entry, [lead, ...rest, ...(quoted ? tablesOf(entry, quoted.id) : [])], tr);
  const translations = lexicon.translations.conceptsOf(entry, section?.id).flatMap((concept) => lexicon.translations.renderings(concept));
  const seeAlso = lexicon.seeAlso(entry.id);
  const request: CommandRequest = { command: 'define', options: { term: referenceOf({ entryId: entry.id, ...(section ? { sectionId: section.id } : {}) }) } };
  const citations = citationsBlock(entry, markersIn(body));

  const draft = emptyDraft('definition', targetLabel(target), request);
  draft.subtitle = entrySubtitle(entry, tr);
  draft.entryId = entry.id;
  if (section) draft.sectionId = section.id;
  draft.blocks = [
    ...body,
    ...(translations.length > 0 ? [{ kind: 'translations' as const, translations }] : []),
    ...citations,
    ...(seeAlso.length > 0 ? [{ kind: 'see-also' as const, entries: seeAlso }] : []),
  ];
  draft.notice = SOURCE_CAVEAT;
  draft.actions = [
    { kind: 'share', label: tr.t('button.share'), request },
    // Replays this definition; the button path shows the footnotes of the page on screen.
    { kind: 'sources', label: tr.t(citations.length > 0 ? 'button.sources' : 'button.howToCite'), request },
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
  handle({ term }, context) {
    const { lexicon } = context;
    const reading = readTerm(context, term, 'define');
    if (reading.kind === 'reply') return reading.draft;
    // Typed in a rendering's script or romanization: the table row that records it, with its concept.
    const rendering = reading.match.matchedOn === 'translation' ? renderingDraft(lexicon, term, context.tr) : undefined;
    if (rendering) return rendering;
    const draft = reading.kind === 'glossary'
      ? glossaryDraft(lexicon, reading.match, reading.others, context.tr) ?? definitionDraft(lexicon, { entry: lexicon.entry(reading.match.entryId)! }, context.tr)
      : definitionDraft(lexicon, reading.target, context.tr);
    if (reading.readAs) draft.blocks = [reading.readAs, ...draft.blocks];
    return draft;
  },
});
