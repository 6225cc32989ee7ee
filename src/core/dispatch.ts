/**
 * The dispatcher every surface calls, made for a list of commands (`createDispatcher(commands)`: the
 * core never imports `commands/`). It finds the command, normalizes and validates its options (each
 * option kind owns its normalizing and wording; a bad option gets a usage reply, never an
 * exception), runs the handler, paginates, and returns the requested page with paging buttons and
 * the canonical request the handler declared. Unexpected errors from a handler are not caught here:
 * adapters log them and show an error id.
 */
import type { z } from 'zod';
import type { Command, ReplyDraft } from './command.js';
import type { Lexicon } from './lexicon.js';
import { command as commandReference, SOURCE_CAVEAT, text, type CommandRequest, type Prose, type Reply, type ReplyAction } from './reply.js';
import { describeOptions, OPTION_KINDS, type OptionDescriptor, type OptionLimits } from './options.js';
import { encodeActionState } from './action-state.js';
import { paginate } from './paginate.js';
import { DEFAULT_LOCALE, type UiLocale } from '../i18n/locale.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { caveatNotice } from '../i18n/words.js';
import { stripControlCharacters } from './render-text.js';
import { compactReference, echo, emptyDraft } from './entry-views.js';
import { parseCommandLine, type ParsedLine } from './parse-command-line.js';
import { descriptionOf, exampleOf, usageOf } from './usage.js';
import { languageFirst, type AnswerPreferences } from './settings.js';
import { proseOf } from './prose.js';

/** What a surface asks: a command name, its raw options, and (for buttons) a page. */
export interface DispatchRequest {
  command: string;
  options: Record<string, unknown>;
  page?: number;
  /** The reader's language for our own words; English when absent. */
  locale?: UiLocale;
  /** The team's settings that shape the answer (none: the defaults). */
  preferences?: AnswerPreferences;
}

/** Answers requests for one list of commands. */
export interface Dispatcher {
  /** The commands served, in help order. */
  readonly commands: readonly Command[];
  /** The command with this name (lower case, no slash), if any. */
  find(name: string): Command | undefined;
  /** The option descriptors of a command (computed once per command). */
  optionsOf(command: Command): OptionDescriptor[];
  /** Parse a typed line (`define "trust building" --public`) into a request; its error in `locale` (default English). */
  parse(line: string, locale?: UiLocale): ParsedLine;
  /** Answer one request. Never throws for bad input; handler bugs propagate to the adapter. */
  dispatch(lexicon: Lexicon, request: DispatchRequest): Reply;
  /** Answer a typed line: parsed, then dispatched (an empty line gets the command list). */
  answerLine(lexicon: Lexicon, line: string): Reply;
}

/** A dispatcher over `commands` (names must be unique). */
export function createDispatcher(commands: readonly Command[]): Dispatcher {
  const byName = new Map(commands.map((command) => [command.name, command]));
  if (byName.size !== commands.length) throw new Error('Two commands share a name');
  const descriptorsOf = new Map<Command, OptionDescriptor[]>();
  const optionsOf = (command: Command): OptionDescriptor[] => {
    let known = descriptorsOf.get(command);
    if (!known) descriptorsOf.set(command, (known = describeOptions(command.options)));
    return known;
  };
  const find = (name: string) => byName.get(name);

  const dispatch = (lexicon: Lexicon, request: DispatchRequest): Reply => {
    const locale = request.locale ?? DEFAULT_LOCALE;
    return { ...answer(lexicon, request, locale), locale };
  };

  const answer = (lexicon: Lexicon, request: DispatchRequest, locale: UiLocale): Reply => {
    const tr = createTranslator(locale);
    const name = stripControlCharacters(String(request.command ?? '')).trim().replace(/^\//, '').toLowerCase();
    const command = find(name);
    if (!command) return unknownCommand(commands, name, tr);

    const descriptors = optionsOf(command);
    const cleaned = cleanOptions(descriptors, request.options ?? {});
    const limits: OptionLimits = { footnoteCount: lexicon.footnoteCount };
    const parsed = command.options.safeParse(cleaned);
    if (!parsed.success) return usageError(command, descriptors, limits, parsed.error, cleaned, tr);
    const options = parsed.data as Record<string, unknown>;
    for (const descriptor of descriptors) {
      const problem = OPTION_KINDS[descriptor.kind].check?.(options[descriptor.name], limits, tr);
      if (problem) return usageReply(command, [tr.labelled(descriptor.name, problem)], tr);
    }

    const asked = askedRequest(command, descriptors, options);
    const preferences = request.preferences ?? {};
    const draft = withLanguageFirst(command.handle(parsed.data, { lexicon, commands, request: asked, locale, tr, preferences }), preferences.language);
    return paged(lexicon, draft, request.page, tr, (commandName) => {
      const other = find(commandName);
      return other ? optionsOf(other).filter((d) => d.kind === 'term').map((d) => d.name) : [];
    });
  };

  return {
    commands,
    find,
    optionsOf,
    parse: (line, locale) => parseCommandLine(line, find, createTranslator(locale)),
    dispatch,
    answerLine(lexicon, line) {
      const parsed = parseCommandLine(line, find);
      return dispatch(lexicon, 'error' in parsed ? { command: '', options: {} } : parsed);
    },
  };
}

/** Every translation table of a reply with the team's language first (the order of the rest kept). */
function withLanguageFirst(draft: ReplyDraft, language: string | undefined): ReplyDraft {
  if (!language) return draft;
  return { ...draft, blocks: draft.blocks.map((block) => (block.kind === 'translations' ? { ...block, translations: languageFirst(block.translations, language) } : block)) };
}

/** Options as the schema should see them: known keys only, text without control characters, normalized by kind. */
function cleanOptions(descriptors: OptionDescriptor[], raw: Record<string, unknown>): Record<string, unknown> {
  const cleaned: Record<string, unknown> = {};
  for (const descriptor of descriptors) {
    let value = raw[descriptor.name];
    if (value === undefined || value === null) continue;
    // A surface may hand over a number where text is expected (a term "2013"); it is text then.
    if (typeof value === 'number' && descriptor.type === 'string') value = String(value);
    if (typeof value === 'string') {
      value = stripControlCharacters(value).replace(/\s+/g, ' ').trim();
      if (value === '' && !descriptor.required) continue;
      value = OPTION_KINDS[descriptor.kind].normalize(value as string);
    }
    cleaned[descriptor.name] = value;
  }
  return cleaned;
}

/** The request as asked, with validated options (visibility is how to show it, not what). */
function askedRequest(command: Command, descriptors: OptionDescriptor[], options: Record<string, unknown>): CommandRequest {
  const canonical: Record<string, string | number> = {};
  for (const descriptor of descriptors) {
    const value = options[descriptor.name];
    if (descriptor.kind === 'visibility') continue;
    if (typeof value === 'string' || typeof value === 'number') canonical[descriptor.name] = value;
  }
  return { command: command.name, options: canonical };
}

function sameRequest(a: CommandRequest, b: CommandRequest): boolean {
  if (a.command !== b.command) return false;
  const keys = Object.keys(a.options);
  return keys.length === Object.keys(b.options).length && keys.every((key) => a.options[key] === b.options[key]);
}

function paged(lexicon: Lexicon, draft: ReplyDraft, requestedPage: number | undefined, tr: Translator, termNamesOf: (command: string) => string[]): Reply {
  const pages = paginate(draft);
  const count = pages.length;
  const wanted = Number.isInteger(requestedPage) ? (requestedPage as number) : 1;
  const index = Math.min(Math.max(1, wanted), count);
  const page = pages[index - 1]!;
  const canonical = draft.request;
  const at = (n: number): CommandRequest => (n > 1 ? { ...canonical, page: n } : { command: canonical.command, options: { ...canonical.options } });

  // Buttons that replay this very answer (Share, Sources) act on the page on screen: they carry its number.
  const actions: ReplyAction[] = page.actions.map((action) => (sameRequest(action.request, canonical) ? { ...action, request: at(index) } : action));
  if (count > 1) {
    if (index > 1) actions.push({ kind: 'prev', label: tr.t('button.prevPage', { page: index - 1 }), request: at(index - 1) });
    if (index < count) actions.push({ kind: 'next', label: tr.t('button.nextPage', { page: index + 1 }), request: at(index + 1) });
  }
  return {
    ...page,
    // The document's caveat, framed in the reader's language (its own words stay verbatim).
    ...(page.notice === SOURCE_CAVEAT ? { notice: once(tr, 'caveat', () => caveatNotice(tr)) } : {}),
    page: { index, count },
    // Share reads alike in every command: labelled here, once, in the reader's language.
    actions: actions.map((action) => compacted(lexicon, action.kind === 'share' ? { ...action, label: once(tr, 'button.share', () => tr.t('button.share')) } : action, termNamesOf)),
    request: at(index),
  };
}

/** Words every reply repeats (the caveat's frame, the Share label), formatted once per language. */
const formatted = new WeakMap<Translator, Map<string, string>>();

function once(tr: Translator, key: string, format: () => string): string {
  let known = formatted.get(tr);
  if (!known) formatted.set(tr, (known = new Map()));
  let value = known.get(key);
  if (value === undefined) known.set(key, (value = format()));
  return value;
}

/**
 * The action as is when its state fits the tightest button (Discord's); else with its term
 * references compacted ("@6.3"). A surface leaves out a button whose state still does not fit it.
 */
function compacted(lexicon: Lexicon, action: ReplyAction, termNamesOf: (command: string) => string[]): ReplyAction {
  if (fits(action)) return action;
  const names = new Set(termNamesOf(action.request.command));
  const options: Record<string, string | number> = { ...action.request.options };
  for (const [key, value] of Object.entries(options)) {
    if (names.has(key) && typeof value === 'string') options[key] = compactReference(lexicon, value) ?? value;
  }
  return { ...action, request: { ...action.request, options } };
}

function fits(action: ReplyAction): boolean {
  try {
    encodeActionState(action);
    return true;
  } catch {
    return false;
  }
}

function single(draft: ReplyDraft): Reply {
  return { ...draft, page: { index: 1, count: 1 } };
}

/** Edit distance, for "did you mean /define?" on a mistyped command name. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function unknownCommand(commands: readonly Command[], name: string, tr: Translator): Reply {
  const shown = echo(name);
  const draft = emptyDraft('usage-error', shown ? tr.t('usage.unknownCommand', { command: shown }) : tr.t('usage.whichCommand'), { command: 'help', options: {} });
  const near = name.length > 1 ? commands.find((c) => editDistance(c.name, name.slice(0, 20)) <= 2 || (name.length >= 3 && c.name.startsWith(name))) : undefined;
  draft.blocks = [
    ...(near ? [text(...proseOf(tr, 'usage.didYouMeanCommand', { command: commandReference(near.name) }))] : []),
    text(...proseOf(tr, 'usage.commandsAre', { commands: commands.map((c) => commandReference(c.name)) })),
    ...commands.map((c) => text(usageOf(c), ` — ${descriptionOf(tr, c)}`)),
  ];
  return single(draft);
}

/** A usage reply: the problem and an example; the title names the usage in words every surface can show. */
function usageReply(command: Command, problem: Prose, tr: Translator): Reply {
  const usage = usageOf(command);
  const draft = emptyDraft('usage-error', tr.t('usage.title', { usage: `${usage.command}${usage.args ? ` ${usage.args}` : ''}` }), { command: command.name, options: {} });
  draft.blocks = [text(...problem, tr.sentenceGap, ...proseOf(tr, 'usage.example', { example: exampleOf(command) }))];
  return single(draft);
}

function usageError(command: Command, descriptors: OptionDescriptor[], limits: OptionLimits, error: z.ZodError, given: Record<string, unknown>, tr: Translator): Reply {
  const issue = error.issues[0];
  const optionName = String(issue?.path[0] ?? descriptors[0]?.name ?? 'option');
  const descriptor = descriptors.find((d) => d.name === optionName);
  if (given[optionName] === undefined) {
    const noun = descriptor ? OPTION_KINDS[descriptor.kind].noun(tr) : optionName;
    return usageReply(command, proseOf(tr, 'usage.needs', { command: commandReference(command.name), noun, option: optionName }), tr);
  }
  const wording = descriptor ? OPTION_KINDS[descriptor.kind].invalid(echo(String(given[optionName])), limits, issue ? { code: issue.code } : undefined, tr) : tr.t('usage.notValid');
  return usageReply(command, [descriptor && (descriptor.kind === 'language' || descriptor.kind === 'visibility') ? wording : tr.labelled(optionName, wording)], tr);
}
