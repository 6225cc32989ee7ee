/**
 * `/read <entry> [section]`: the piece itself, verbatim, from its start and section by section,
 * with its tables and footnotes; pages with the dispatcher's paging buttons and moves to the next
 * section with a button. This reaches every paragraph (the overview's opening, the New Model
 * piece's first seven with footnotes 117–126), not only the ones a definition quotes.
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { Entry, Section } from '../src/core/entry.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT, text, type Block, type CommandRequest, type ReplyAction } from '../src/core/reply.js';
import { termOption, visibilityOption } from '../src/core/options.js';
import { citationsBlock, echo, emptyDraft, entrySubtitle, targetOfReference } from '../src/core/entry-views.js';
import { markersIn, tablesOf } from '../src/core/definition.js';
import { readTerm, type ResolveContext } from '../src/core/resolver.js';
import { foldKey } from '../src/core/translations.js';
import { renderText } from '../src/core/render-text.js';
import { withQuotationNotes } from '../src/core/term-answers.js';
import type { Translator } from '../src/i18n/translator.js';

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

/** A section's heading, or "Opening" for an untitled first one (its id otherwise). */
function headingOf(section: Section, index: number, tr: Translator): string {
  return section.heading ?? (index === 0 ? tr.t('read.openingHeading') : section.id);
}

function readDraft(lexicon: Lexicon, entry: Entry, section: Section, tr: Translator): ReplyDraft {
  const index = entry.sections.indexOf(section);
  const quotes: Block[] = section.paragraphs.map((paragraph) => ({ kind: 'quote', text: renderText(paragraph).text }));
  const parts = withQuotationNotes(entry, [...quotes, ...tablesOf(entry, section.id)], tr);
  const request: CommandRequest = { command: 'read', options: { entry: entry.id, section: section.id } };
  const draft = emptyDraft('definition', `${entry.term} › ${headingOf(section, index, tr)}`, request);
  draft.subtitle = `${entrySubtitle(entry, tr)} · ${tr.t('read.sectionOf', { index: index + 1, count: entry.sections.length })}`;
  draft.entryId = entry.id;
  draft.sectionId = section.id;
  draft.blocks = [
    text(tr.t('read.summary', { term: entry.term, section: sectionName(section, tr), count: section.paragraphs.length })),
    ...parts,
    ...citationsBlock(entry, markersIn(parts)),
  ];
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
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/read overview', '/read empathy Confidence', '/read consociational security order Table 1'],
  handle({ entry: term, section: sectionName_ }, context) {
    const { lexicon, tr } = context;
    const resolveContext: ResolveContext = { lexicon, request: context.request, tr };
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
        if (whole.kind === 'entry') return readDraft(lexicon, whole.target.entry, whole.target.section ?? whole.target.entry.sections[0]!, tr);
      }
      if (!named) {
        const draft = emptyDraft('no-match', tr.t('read.noSection', { term: entry.term, name: echo(sectionName_) }), context.request);
        draft.blocks = [text(tr.t('read.sectionsAre', { sections: entry.sections.map((s, i) => `${i + 1}. ${headingOf(s, i, tr)}`).join('; ') }))];
        draft.actions = entry.sections.slice(0, 5).map((s): ReplyAction => ({ kind: 'open', label: tr.t('button.read', { name: s.heading ?? s.id }).slice(0, 80), request: { command: 'read', options: { entry: entry!.id, section: s.id } } }));
        return draft;
      }
      section = named;
    }
    return readDraft(lexicon, entry, section ?? entry.sections[0]!, tr);
  },
});
