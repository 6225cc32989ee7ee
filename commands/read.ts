/**
 * `/read <entry> [section]`: the piece itself, verbatim, from its start and section by section,
 * with its tables and footnotes; pages with the dispatcher's paging buttons and moves to the next
 * section with a button. This reaches every paragraph (the overview's opening, the New Model
 * piece's first seven with footnotes 117–126), not only the ones a definition quotes. `from` starts
 * at a paragraph: its number in the section, or its stable anchor (src/core/anchors.ts), as the
 * reading room's paragraph links carry it.
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Entry, Section } from '../src/core/entry.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT, text, type Block, type CommandRequest, type ReplyAction } from '../src/core/reply.js';
import { paragraphOption, termOption, visibilityOption } from '../src/core/options.js';
import { paragraphAnchors } from '../src/core/anchors.js';
import type { Translator } from '../src/i18n/translator.js';
import { citationsBlock, echo, emptyDraft, entrySubtitle, targetOfReference } from '../src/core/entry-views.js';
import { markersIn, tablesOf } from '../src/core/definition.js';
import { readTerm, type ResolveContext } from '../src/core/resolver.js';
import { foldKey } from '../src/core/translations.js';
import { renderText } from '../src/core/render-text.js';
import { withQuotationNotes } from '../src/core/term-answers.js';

/** The section a user named: its id, its heading, its number (1-based), or a table caption in it. */
function sectionNamed(entry: Entry, name: string): Section | undefined {
  const key = foldKey(name);
  const byNumber = /^\d{1,3}$/.test(name.trim()) ? entry.sections[Number(name) - 1] : undefined;
  return byNumber
    ?? entry.sections.find((s) => s.id === name.trim().toLowerCase())
    ?? entry.sections.find((s) => s.heading !== null && foldKey(s.heading) === key)
    ?? entry.sections.find((s) => s.heading !== null && foldKey(s.heading).includes(key))
    ?? entry.tables.filter((t) => foldKey(t.caption).includes(key)).map((t) => entry.sections.find((s) => s.id === t.section))[0];
}

/** "the opening", "“Confidence”", "the untitled section essay". */
function sectionName(section: Section, tr: Translator): string {
  if (section.heading) return tr.quote(section.heading);
  return section.id === 'intro' ? tr.t('read.opening') : tr.t('read.untitled', { id: section.id });
}

/** Where to start reading: a paragraph of a section (index 0-based), found by number or anchor. */
interface Start {
  section: Section;
  paragraph: number;
}

/**
 * The paragraph `from` names: its anchor anywhere in the entry, or its number in `section`
 * (the entry's opening when no section is named). Undefined when there is no such paragraph.
 */
function paragraphNamed(entry: Entry, section: Section | undefined, from: string): Start | undefined {
  if (/^\d+$/.test(from)) {
    const inSection = section ?? entry.sections[0]!;
    const index = Number(from) - 1;
    return index >= 0 && index < inSection.paragraphs.length ? { section: inSection, paragraph: index } : undefined;
  }
  const anchors = paragraphAnchors(entry);
  for (const [s, row] of anchors.entries()) {
    const index = row.indexOf(from);
    if (index !== -1) return { section: entry.sections[s]!, paragraph: index };
  }
  return undefined;
}

function readDraft(lexicon: Lexicon, entry: Entry, section: Section, tr: Translator, from = 0): ReplyDraft {
  const index = entry.sections.indexOf(section);
  const paragraphs = section.paragraphs.slice(from);
  const quotes: Block[] = paragraphs.map((paragraph) => ({ kind: 'quote', text: renderText(paragraph).text }));
  const parts = withQuotationNotes(entry, [...quotes, ...tablesOf(entry, section.id)], tr);
  // A start is addressed by its anchor (which names its section too): the same words after a re-import.
  const anchor = from > 0 ? paragraphAnchors(entry)[index]?.[from] : undefined;
  const request: CommandRequest = { command: 'read', options: anchor ? { entry: entry.id, from: anchor } : { entry: entry.id, section: section.id } };
  const heading = section.heading ?? (index === 0 ? tr.t('read.openingHeading') : section.id);
  const draft = emptyDraft('definition', anchor ? `${entry.term} › ${heading} › ¶${from + 1}` : `${entry.term} › ${heading}`, request);
  draft.subtitle = `${entrySubtitle(entry, tr)} · ${tr.t('read.sectionOf', { index: index + 1, count: entry.sections.length })}`;
  draft.entryId = entry.id;
  draft.sectionId = section.id;
  const lead = anchor
    ? text(tr.t('read.fromParagraph', { piece: entry.term, section: sectionName(section, tr), from: from + 1, count: section.paragraphs.length }))
    : text(tr.t('read.summary', { term: entry.term, section: sectionName(section, tr), count: section.paragraphs.length }));
  draft.blocks = [lead, ...parts, ...citationsBlock(entry, markersIn(parts))];
  draft.notice = SOURCE_CAVEAT;
  const actions: ReplyAction[] = [{ kind: 'share', label: tr.t('button.share'), request }];
  const next = entry.sections[index + 1];
  if (next) actions.push({ kind: 'open', label: tr.t('button.nextSection', { name: next.heading ?? next.id }).slice(0, 80), request: { command: 'read', options: { entry: entry.id, section: next.id } } });
  const later = lexicon.entries.find((other) => other.order === entry.order + 1);
  if (!next && later) actions.push({ kind: 'open', label: tr.t('button.nextPiece', { term: later.term }).slice(0, 80), request: { command: 'read', options: { entry: later.id } } });
  draft.actions = actions;
  return draft;
}

export default defineCommand({
  name: 'read',
  description: 'Read a piece verbatim from its start, section by section, with paging.',
  options: z.object({
    entry: termOption('The piece to read, e.g. overview, trust, new model'),
    section: termOption('A section: its heading, its number, or a table caption, e.g. Confidence, 2, Table 1').optional(),
    from: paragraphOption('Start at a paragraph of the section: its number or its anchor, e.g. 3, confidence-p-3f9a2c').optional(),
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/read overview', '/read empathy Confidence', '/read consociational security order Table 1', '/read empathy Confidence p3'],
  handle({ entry: term, section: sectionName_, from }, context) {
    const { lexicon } = context;
    const resolveContext: ResolveContext = { lexicon, request: context.request, tr: context.tr };
    const address = targetOfReference(lexicon, term.trim());
    let entry = address?.entry;
    let section = address?.section;
    if (!entry) {
      const reading = readTerm(resolveContext, term, 'read', true);
      if (reading.kind === 'reply') return reading.draft;
      entry = lexicon.entry(reading.match.entryId)!;
      if (reading.kind === 'entry') section = reading.target.section;
      else {
        const item = entry.glossary[reading.match.glossaryIndex!];
        section = entry.sections.find((s) => s.id === item?.section);
      }
    }
    if (sectionName_ !== undefined) {
      const named = sectionNamed(entry, sectionName_);
      // "read new model" typed without quotes: the words are one piece's name, not a piece and a section.
      if (!named && !address) {
        const whole = readTerm(resolveContext, `${term} ${sectionName_}`, 'read', true);
        if (whole.kind === 'entry') return startAt(lexicon, whole.target.entry, whole.target.section, from, context);
      }
      if (!named) {
        const { tr } = context;
        const draft = emptyDraft('no-match', tr.t('read.noSection', { term: entry.term, name: echo(sectionName_) }), context.request);
        draft.blocks = [text(tr.t('read.sectionsAre', { sections: tr.items(entry.sections.map((s, i) => `${i + 1}. ${s.heading ?? (i === 0 ? tr.t('read.openingHeading') : s.id)}`)) }))];
        draft.actions = entry.sections.slice(0, 5).map((s): ReplyAction => ({ kind: 'open', label: tr.t('button.read', { name: s.heading ?? s.id }).slice(0, 80), request: { command: 'read', options: { entry: entry!.id, section: s.id } } }));
        return draft;
      }
      section = named;
    }
    return startAt(lexicon, entry, section, from, context);
  },
});

/** The piece read from the start of `section` (its opening when none), or from the paragraph `from` names. */
function startAt(lexicon: Lexicon, entry: Entry, section: Section | undefined, from: string | undefined, context: { request: CommandRequest; tr: Translator }): ReplyDraft {
  if (from === undefined) return readDraft(lexicon, entry, section ?? entry.sections[0]!, context.tr);
  const start = paragraphNamed(entry, section, from);
  if (start) return readDraft(lexicon, entry, start.section, context.tr, start.paragraph);
  const inSection = section ?? entry.sections[0]!;
  const draft = emptyDraft('no-match', `${entry.term} › ${inSection.heading ?? (inSection === entry.sections[0] ? context.tr.t('read.openingHeading') : inSection.id)} › ¶${echo(from)}`, context.request);
  draft.blocks = [text(context.tr.t('read.noParagraph', { piece: entry.term, section: sectionName(inSection, context.tr), count: inSection.paragraphs.length, from: echo(from) }))];
  draft.actions = [{ kind: 'open', label: context.tr.t('button.read', { name: inSection.heading ?? inSection.id }).slice(0, 80), request: { command: 'read', options: { entry: entry.id, section: inSection.id } } }];
  return draft;
}
