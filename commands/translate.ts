/**
 * `/translate <term> [language]`: every rendering of a term the document records (the 5A appendix,
 * Jiang Wenran's renderings of CSO, footnote 28's xinren/xinlai, Chinese titles in footnotes), each
 * with its provenance, or one language's. Never a made-up translation: a term without any gets a
 * plain "the document records none".
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { CommandContext, ReplyDraft } from '../src/core/command.js';
import type { TranslationLanguage } from '../src/core/entry.js';
import { SOURCE_CAVEAT, text, type CommandRequest, type ReplyAction } from '../src/core/reply.js';
import { languageOption, termOption, visibilityOption } from '../src/core/options.js';
import { echo, emptyDraft, referenceOf, targetLabel, type Target } from '../src/core/entry-views.js';
import { resolveTerm } from '../src/core/resolver.js';
import { languageName } from '../src/i18n/words.js';

function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function quoted(names: readonly string[]): string[] {
  return names.map((name) => `“${name}”`);
}

function translateAction(concept: string, label = `Translate ${concept}`): ReplyAction {
  return { kind: 'open', label, request: { command: 'translate', options: { term: concept } } };
}

function available(context: CommandContext): string {
  return `records translations only for ${listOf(quoted(context.lexicon.translations.concepts))}.`;
}

/** The reply for a target that has no recorded translation. */
function noneRecorded(context: CommandContext, target: Target): ReplyDraft {
  const label = targetLabel(target);
  const request: CommandRequest = { command: 'translate', options: { term: referenceOf({ entryId: target.entry.id, ...(target.section ? { sectionId: target.section.id } : {}) }) } };
  const draft = emptyDraft('translation', `No recorded translation for “${label}”`, request);
  draft.entryId = target.entry.id;
  if (target.section) draft.sectionId = target.section.id;
  draft.blocks = [text(`The document records no translation for “${label}”. It ${available(context)}`)];
  draft.actions = [{ kind: 'share', label: 'Share', request }, ...context.lexicon.translations.concepts.slice(0, 4).map((concept) => translateAction(concept))];
  return draft;
}

/** A rendering the document records for several concepts: show where, and let the user pick. */
function sharedRendering(context: CommandContext, term: string, concepts: string[]): ReplyDraft {
  const views = context.lexicon.translations.renderingsMatching(term);
  const shown = echo(term);
  const request: CommandRequest = { command: 'translate', options: { term } };
  const draft = emptyDraft('translation', `“${shown}” in the document`, request);
  draft.entryId = views[0]?.entryId ?? null;
  draft.notice = SOURCE_CAVEAT;
  draft.blocks = [
    text(`The document records “${shown}” for more than one concept: ${listOf(views.map((v) => `for “${v.concept}” (${v.source})`))}.`),
    ...(views.length > 0 ? [{ kind: 'translations' as const, translations: views }] : []),
  ];
  draft.actions = [{ kind: 'share', label: 'Share', request }, ...concepts.map((concept) => translateAction(concept))];
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
        return { ...resolved.reply, blocks: [...resolved.reply.blocks, text(`The document ${available(context)}`)] };
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
    if (language) draft.actions.push(translateAction(concept, tr.t('button.allLanguages')));
    return draft;
  },
});
