/**
 * `/translate <term> [language]`: every rendering of a term the document records (the 5A appendix,
 * Jiang Wenran's renderings of CSO, footnote 28's xinren/xinlai, Chinese titles in footnotes), each
 * with its provenance, or one language's. Never a made-up translation: a term without any gets a
 * plain "the document records none".
 */
import { z } from 'zod';
import { defineCommand } from '../src/core/command.js';
import type { ReplyDraft } from '../src/core/command.js';
import type { TranslationLanguage } from '../src/core/entry.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { SOURCE_CAVEAT } from '../src/core/reply.js';
import type { ReplyAction } from '../src/core/reply.js';
import { languageOption, termOption, visibilityOption } from '../src/core/options.js';
import { echo, emptyDraft, noMatchReply, referenceOf, resolveTarget, targetLabel, targetOfMatch } from '../src/core/entry-views.js';
import { LANGUAGE_NAMES, translationCatalog } from '../src/core/translations.js';

function listOf(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function quoted(names: readonly string[]): string[] {
  return names.map((name) => `“${name}”`);
}

function translateAction(concept: string, label = `Translate ${concept}`): ReplyAction {
  return { kind: 'define', label, request: { command: 'translate', options: { term: concept } } };
}

/** The reply for a term that resolves but has no recorded translation. */
function noneRecorded(lexicon: Lexicon, term: string): ReplyDraft {
  const catalog = translationCatalog(lexicon);
  const resolution = resolveTarget(lexicon, term);
  const best = resolution.matches[0];
  const target = best ? targetOfMatch(lexicon, best) : undefined;
  const available = `records translations only for ${listOf(quoted(catalog.concepts))}.`;
  if (!target) {
    const draft = noMatchReply(lexicon, term, resolution, 'translate');
    draft.parts.push({ kind: 'text', text: `The document ${available}` });
    return draft;
  }
  const label = targetLabel(target);
  const draft = emptyDraft('translation', `No recorded translation for “${label}”`);
  draft.entryId = target.entry.id;
  if (target.section) draft.sectionId = target.section.id;
  draft.parts = [{ kind: 'text', text: `The document records no translation for “${label}”. It ${available}` }];
  draft.actions = [
    { kind: 'share', label: 'Share', request: { command: 'translate', options: { term: referenceOf(best!) } } },
    ...catalog.concepts.slice(0, 4).map((concept) => translateAction(concept)),
  ];
  return draft;
}

/** A rendering the document records for several concepts: show where, and let the user pick. */
function sharedRendering(lexicon: Lexicon, term: string, concepts: string[]): ReplyDraft {
  const views = translationCatalog(lexicon).renderingsMatching(term);
  const shown = echo(term);
  const draft = emptyDraft('translation', `“${shown}” in the document`);
  draft.entryId = views[0]?.entryId ?? null;
  draft.translations = views;
  draft.notice = SOURCE_CAVEAT;
  draft.parts = [
    {
      kind: 'text',
      text: `The document records “${shown}” for more than one concept: ${listOf(views.map((v) => `for “${v.concept}” (${v.source})`))}.`,
    },
  ];
  draft.actions = [
    { kind: 'share', label: 'Share', request: { command: 'translate', options: { term: shown } } },
    ...concepts.map((concept) => translateAction(concept)),
  ];
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
  handle({ term, language }, { lexicon }) {
    const catalog = translationCatalog(lexicon);
    const concepts = catalog.conceptsFor(term);
    const concept = concepts[0];
    if (!concept) return noneRecorded(lexicon, term);
    if (concepts.length > 1) return sharedRendering(lexicon, term, concepts);

    const all = catalog.renderings(concept);
    const shown = language ? catalog.renderings(concept, language) : all;
    const best = resolveTarget(lexicon, term).matches[0];
    const languages = [...new Set(all.map((view) => view.language))];
    const languageNames = (codes: TranslationLanguage[]) => listOf(codes.map((code) => LANGUAGE_NAMES[code]));

    const draft = emptyDraft('translation', language ? `“${concept}” in ${LANGUAGE_NAMES[language]}` : `Translations of “${concept}”`);
    draft.entryId = best?.entryId ?? shown[0]?.entryId ?? all[0]?.entryId ?? null;
    if (best?.sectionId && best.entryId === draft.entryId) draft.sectionId = best.sectionId;
    draft.subtitle = `Recorded in ${languageNames(languages)}`;
    draft.translations = shown;
    draft.notice = SOURCE_CAVEAT;
    const sources = [...new Set(shown.map((view) => view.source))];
    draft.fields = sources.length > 0 ? [{ name: sources.length > 1 ? 'Sources' : 'Source', value: sources.join('\n') }] : [];
    if (language && shown.length === 0) {
      draft.parts = [
        {
          kind: 'text',
          text: `The document records no ${LANGUAGE_NAMES[language]} rendering of “${concept}”; it records ${languageNames(languages)}.`,
        },
      ];
    } else {
      const count = shown.length === 1 ? 'one rendering' : `${shown.length} renderings`;
      const shownWith = shown.length === 1 ? 'shown with where it is recorded' : 'each shown with where it is recorded';
      draft.parts = [
        {
          kind: 'text',
          text: `The document records ${count} of “${concept}”${language ? '' : ` in ${languageNames(languages)}`}, ${shownWith}.`,
        },
      ];
    }
    if (echo(term).toLowerCase() !== concept.toLowerCase()) {
      draft.parts.push({ kind: 'text', text: `“${echo(term)}” is read as “${concept}”.` });
    }
    const options: Record<string, string> = { term: concept };
    if (language) options.language = language;
    draft.actions = [
      { kind: 'share', label: 'Share', request: { command: 'translate', options } },
      { kind: 'define', label: `Define ${concept}`.slice(0, 80), request: { command: 'define', options: { term: concept } } },
    ];
    if (language) draft.actions.push(translateAction(concept, 'All languages'));
    return draft;
  },
});
