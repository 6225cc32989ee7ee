/**
 * `/translate <term> [language]`: every rendering of a term the document records (the 5A appendix,
 * Jiang Wenran's renderings of CSO, footnote 28's xinren/xinlai, Chinese titles in footnotes), each
 * with its provenance, or one language's. Never a made-up translation: a term without any gets a
 * plain "the document records none".
 */
import * as z from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { CommandContext, ReplyDraft } from '../src/core/command.js';
import type { TranslationLanguage } from '../src/core/entry.js';
import { SOURCE_CAVEAT, text, type CommandRequest, type ReplyAction } from '../src/core/reply.js';
import { languageOption, termOption, visibilityOption } from '../src/core/options.js';
import { echo, emptyDraft, referenceOf, targetLabel, type Target } from '../src/core/entry-views.js';
import { resolveTerm } from '../src/core/resolver.js';
import { andList, languageName } from '../src/i18n/words.js';
import type { Translator } from '../src/i18n/translator.js';
import { describeSource } from '../src/core/translations.js';

function translateAction(tr: Translator, concept: string, label = tr.t('button.translate', { term: concept })): ReplyAction {
  return { kind: 'open', label: label.slice(0, 80), request: { command: 'translate', options: { term: concept } } };
}

/** The concepts the document records translations for, quoted, in a list of the reader's language. */
function recordedConcepts(context: CommandContext): string {
  const { tr } = context;
  return andList(tr, context.lexicon.translations.concepts.map((concept) => tr.quote(concept)));
}

/** The reply for a target that has no recorded translation. */
function noneRecorded(context: CommandContext, target: Target): ReplyDraft {
  const label = targetLabel(target);
  const { tr } = context;
  const request: CommandRequest = { command: 'translate', options: { term: referenceOf({ entryId: target.entry.id, ...(target.section ? { sectionId: target.section.id } : {}) }) } };
  const draft = emptyDraft('translation', tr.t('translate.noneTitle', { label }), request);
  draft.entryId = target.entry.id;
  if (target.section) draft.sectionId = target.section.id;
  draft.blocks = [text(tr.t('translate.none', { label, concepts: recordedConcepts(context) }))];
  draft.actions = [{ kind: 'share', label: tr.t('button.share'), request }, ...context.lexicon.translations.concepts.slice(0, 4).map((concept) => translateAction(tr, concept))];
  return draft;
}

/** A rendering the document records for several concepts: show where, and let the user pick. */
function sharedRendering(context: CommandContext, term: string, concepts: string[]): ReplyDraft {
  const views = context.lexicon.translations.renderingsMatching(term);
  const shown = echo(term);
  const { tr } = context;
  const request: CommandRequest = { command: 'translate', options: { term } };
  const draft = emptyDraft('translation', tr.t('translate.sharedTitle', { term: shown }), request);
  draft.entryId = views[0]?.entryId ?? null;
  draft.notice = SOURCE_CAVEAT;
  draft.blocks = [
    text(tr.t('translate.shared', { term: shown, uses: andList(tr, views.map((v) => tr.t('translate.sharedUse', { concept: v.concept, source: describeSource(v.source, tr) }))) })),
    ...(views.length > 0 ? [{ kind: 'translations' as const, translations: views }] : []),
  ];
  draft.actions = [{ kind: 'share', label: tr.t('button.share'), request }, ...concepts.map((concept) => translateAction(tr, concept))];
  return draft;
}

export default defineCommand({
  name: 'translate',
  description: 'Every translation of a term the document records (Mandarin, Japanese, Korean), with its source.',
  options: z.object({
    term: termOption('The term to translate, e.g. trust, empathy, CSO'),
    language: languageOption('Only this language: zh (Mandarin), ja (Japanese) or ko (Korean)').optional(),
    visibility: visibilityOption('Show the answer only to you (default) or to everyone').optional(),
  }),
  examples: ['/translate trust', '/translate empathy ja', '/translate consociational security order'],
  handle({ term, language }, context) {
    const catalog = context.lexicon.translations;
    let concepts = catalog.conceptsFor(term);
    let target: Target | undefined;
    if (concepts.length === 0) {
      // Not a name the catalog knows: the one resolver decides what the term refers to.
      const resolved = resolveTerm(context, term, 'translate');
      if (!resolved.target) {
        return { ...resolved.reply, blocks: [...resolved.reply.blocks, text(context.tr.t('translate.available', { concepts: recordedConcepts(context) }))] };
      }
      target = resolved.target;
      concepts = catalog.conceptsOf(target.entry, target.section?.id).slice(0, 1);
      if (concepts.length === 0) return noneRecorded(context, target);
    }
    const concept = concepts[0]!;
    if (concepts.length > 1) return sharedRendering(context, term, concepts);

    const all = catalog.renderings(concept);
    const shown = language ? catalog.renderings(concept, language) : all;
    const languages = [...new Set(all.map((view) => view.language))];
    const { tr } = context;
    // Language names in the reader's language: Japanese, 日语, 日本語, 일본어.
    const languageNames = (codes: TranslationLanguage[]) => tr.list(codes.map((code) => languageName(tr, code)));
    const options: Record<string, string> = { term: concept };
    if (language) options.language = language;
    const request: CommandRequest = { command: 'translate', options };

    const draft = emptyDraft('translation', language ? tr.t('translate.titleInLanguage', { concept, language: languageName(tr, language) }) : tr.t('translate.title', { concept }), request);
    const named = target ?? resolveTerm(context, term, 'translate').target;
    draft.entryId = named?.entry.id ?? shown[0]?.entryId ?? all[0]?.entryId ?? null;
    if (named?.section && named.entry.id === draft.entryId) draft.sectionId = named.section.id;
    draft.subtitle = tr.t('translate.subtitle', { languages: languageNames(languages) });
    draft.notice = SOURCE_CAVEAT;
    const summary =
      language && shown.length === 0
        ? tr.t('translate.noneInLanguage', { language: languageName(tr, language), concept, languages: languageNames(languages) })
        : language
          ? tr.t('translate.summaryInLanguage', { count: shown.length, concept })
          : tr.t('translate.summary', { count: shown.length, concept, languages: languageNames(languages) });
    draft.blocks = [
      text(summary),
      ...(echo(term).toLowerCase() !== concept.toLowerCase() ? [text(tr.t('translate.readAs', { term: echo(term), concept }))] : []),
      ...(shown.length > 0 ? [{ kind: 'translations' as const, translations: shown }] : []),
    ];
    draft.actions = [
      { kind: 'share', label: tr.t('button.share'), request },
      { kind: 'open', label: tr.t('button.define', { term: concept }).slice(0, 80), request: { command: 'define', options: { term: concept } } },
    ];
    if (language) draft.actions.push(translateAction(tr, concept, tr.t('button.allLanguages')));
    return draft;
  },
});
