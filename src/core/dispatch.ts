/**
 * The dispatcher every surface calls: finds the command, validates its options with the command's
 * zod schema (a bad option gets a usage reply naming it and the fix, never an exception), runs the
 * handler, paginates, and returns the requested page with paging buttons and the normalized request.
 *
 * The normalized request of an answer is the request of its "share" action: a handler that answers
 * puts there the canonical options (a term replaced by the `entryId` or `entryId/sectionId` it
 * resolved to), so that a button replays exactly the same answer. Unexpected errors from a handler
 * are not caught here: adapters log them and show an error id.
 */
import type { z } from 'zod';
import type { ReplyDraft } from './command.js';
import type { Command } from './command.js';
import type { Lexicon } from './lexicon.js';
import type { CommandRequest, Reply, ReplyAction, ReplyLink } from './reply.js';
import type { Entry } from './entry.js';
import { describeOptions } from './options.js';
import type { OptionDescriptor } from './options.js';
import { encodeActionState } from './action-state.js';
import { paginate } from './paginate.js';
import { plainText, stripControlCharacters } from './render-text.js';
import { compactReference, echo, emptyDraft } from './entry-views.js';
import { parseLanguage } from './translations.js';
import { commands, findCommand } from '../../commands/index.js';
import { usageOf } from '../../commands/help.js';

export { parseCommandLine } from './parse-command-line.js';

/** What a surface asks: a command name, its raw options, and (for buttons) a page. */
export interface DispatchRequest {
  command: string;
  options: Record<string, unknown>;
  page?: number;
}

/** Answer one request. Never throws for bad input; handler bugs propagate to the adapter. */
export function dispatch(lexicon: Lexicon, request: DispatchRequest): Reply {
  const name = stripControlCharacters(String(request.command ?? '')).trim().replace(/^\//, '').toLowerCase();
  const command = findCommand(name);
  if (!command) return unknownCommand(name);

  const descriptors = describeOptions(command.options);
  const cleaned = cleanOptions(descriptors, request.options ?? {});
  const parsed = command.options.safeParse(cleaned);
  if (!parsed.success) return usageError(command, descriptors, parsed.error, cleaned);

  const draft = command.handle(parsed.data, { lexicon });
  const canonical = canonicalRequest(command, descriptors, draft, parsed.data as Record<string, unknown>);
  return paged(lexicon, command, descriptors, draft, canonical, request.page);
}

/** Options as the schema should see them: known keys only, text without control characters. */
function cleanOptions(descriptors: OptionDescriptor[], raw: Record<string, unknown>): Record<string, unknown> {
  const cleaned: Record<string, unknown> = {};
  for (const descriptor of descriptors) {
    let value = raw[descriptor.name];
    if (value === undefined || value === null) continue;
    // A surface may hand over a number where text is expected (a term "2013"); it is text then.
    if (typeof value === 'number' && (descriptor.kind === 'term' || descriptor.kind === 'query')) value = String(value);
    if (typeof value === 'string') {
      value = stripControlCharacters(value).replace(/\s+/g, ' ').trim();
      if (value === '' && !descriptor.required) continue;
      if (descriptor.kind === 'language') value = parseLanguage(value as string) ?? value;
      if (descriptor.kind === 'visibility') value = (value as string).toLowerCase();
      if (descriptor.kind === 'footnote') value = (value as string).replace(/^(?:n\.?|nn\.?|fn\.?|note|footnote)\s*/i, '');
    }
    cleaned[descriptor.name] = value;
  }
  return cleaned;
}

/** The request that replays this answer: the share action's, else the validated options. */
function canonicalRequest(
  command: Command,
  descriptors: OptionDescriptor[],
  draft: ReplyDraft,
  options: Record<string, unknown>,
): CommandRequest {
  const share = draft.actions.find((action) => action.kind === 'share');
  if (share) return { command: share.request.command, options: { ...share.request.options } };
  const canonical: Record<string, string | number> = {};
  for (const descriptor of descriptors) {
    const value = options[descriptor.name];
    if (descriptor.kind === 'visibility') continue;
    if (typeof value === 'string' || typeof value === 'number') canonical[descriptor.name] = value;
  }
  return { command: command.name, options: canonical };
}

function paged(
  lexicon: Lexicon,
  command: Command,
  descriptors: OptionDescriptor[],
  draft: ReplyDraft,
  canonical: CommandRequest,
  requestedPage: number | undefined,
): Reply {
  const pages = paginate(draft);
  const count = pages.length;
  const wanted = Number.isInteger(requestedPage) ? (requestedPage as number) : 1;
  const index = Math.min(Math.max(1, wanted), count);
  const page = pages[index - 1]!;
  const at = (n: number): CommandRequest => (n > 1 ? { ...canonical, page: n } : { ...canonical });

  // Buttons that replay this very answer (Share, Sources) act on the page on screen: they carry its number.
  const replaysThis = (request: CommandRequest) =>
    request.command === canonical.command && JSON.stringify(request.options) === JSON.stringify(canonical.options);
  const actions: ReplyAction[] = page.actions.map((action) => (replaysThis(action.request) ? { ...action, request: at(index) } : action));
  if (count > 1) {
    if (index > 1) actions.push({ kind: 'prev', label: `◀ Page ${index - 1}`, request: at(index - 1) });
    if (index < count) actions.push({ kind: 'next', label: `Page ${index + 1} ▶`, request: at(index + 1) });
  }
  const termNames = new Set(descriptors.filter((d) => d.kind === 'term').map((d) => d.name));
  const link = page.link ?? quotedPlace(lexicon, page);
  return {
    ...page,
    ...(link ? { link } : {}),
    page: { index, count },
    actions: actions.flatMap((action) => encodable(lexicon, action, command.name, termNames)),
    request: at(index),
  };
}

/**
 * The action as is when its state fits a button; else with its term references compacted
 * ("@6.3"); else left out (a button that cannot replay its answer is worse than none).
 */
function encodable(lexicon: Lexicon, action: ReplyAction, commandName: string, termNames: Set<string>): ReplyAction[] {
  if (fits(action)) return [action];
  const names = action.request.command === commandName ? termNames : new Set(termNamesOf(action.request.command));
  const options: Record<string, string | number> = { ...action.request.options };
  for (const [key, value] of Object.entries(options)) {
    if (names.has(key) && typeof value === 'string') options[key] = compactReference(lexicon, value) ?? value;
  }
  const compacted: ReplyAction = { ...action, request: { ...action.request, options } };
  return fits(compacted) ? [compacted] : [];
}

function termNamesOf(commandName: string): string[] {
  const command = findCommand(commandName);
  return command ? describeOptions(command.options).filter((d) => d.kind === 'term').map((d) => d.name) : [];
}

function fits(action: ReplyAction): boolean {
  try {
    encodeActionState(action);
    return true;
  } catch {
    return false;
  }
}

function single(draft: ReplyDraft, request: CommandRequest): Reply {
  return { ...draft, page: { index: 1, count: 1 }, request };
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

function unknownCommand(name: string): Reply {
  const shown = echo(name);
  const draft = emptyDraft('usage-error', shown ? `Unknown command “${shown}”` : 'Which command?');
  const near = name.length > 1 ? commands.find((c) => editDistance(c.name, name.slice(0, 20)) <= 2 || (name.length >= 3 && c.name.startsWith(name))) : undefined;
  draft.parts = [
    ...(near ? [{ kind: 'text' as const, text: `Did you mean /${near.name}?` }] : []),
    { kind: 'text', text: `The commands are: ${commands.map((c) => '/' + c.name).join(', ')}.` },
    ...commands.map((c): ReplyDraft['parts'][number] => ({ kind: 'text', text: `${usageOf(c)} — ${c.description}` })),
  ];
  return single(draft, { command: 'help', options: {} });
}

const OPTION_NOUNS: Record<string, string> = {
  term: 'a term',
  query: 'some words to search for',
  language: 'a language',
  footnote: 'a footnote number',
  visibility: 'a visibility',
};

function usageError(command: Command, descriptors: OptionDescriptor[], error: z.ZodError, given: Record<string, unknown>): Reply {
  const issue = error.issues[0];
  const optionName = String(issue?.path[0] ?? descriptors[0]?.name ?? 'option');
  const descriptor = descriptors.find((d) => d.name === optionName);
  const missing = given[optionName] === undefined;
  const example = command.examples[0] ?? usageOf(command);
  let problem: string;
  if (missing) {
    problem = `/${command.name} needs ${OPTION_NOUNS[descriptor?.kind ?? ''] ?? optionName} (${optionName}).`;
  } else if (descriptor?.kind === 'language') {
    problem = `“${echo(String(given[optionName]))}” is not a language the document records. Use zh (Mandarin), ja (Japanese) or ko (Korean).`;
  } else if (descriptor?.kind === 'visibility') {
    problem = 'visibility is either private or public.';
  } else {
    problem = `${optionName}: ${issue?.message ?? 'not valid'}`;
  }
  const draft = emptyDraft('usage-error', `Usage: ${usageOf(command)}`);
  draft.parts = [{ kind: 'text', text: `${problem} Example: ${example}` }];
  return single(draft, { command: command.name, options: {} });
}

/**
 * Where an answer about an entry quotes from: the paragraph holding its first quote (so a link opens
 * at the words on screen), else its section, else the entry. Nothing for answers about no entry.
 */
function quotedPlace(lexicon: Lexicon, page: ReplyDraft): ReplyLink | undefined {
  if (!page.entryId) return undefined;
  const entry = lexicon.entry(page.entryId);
  if (!entry) return undefined;
  const quote = page.parts.find((part) => part.kind === 'quote');
  // A quote may be cut with "…" at either end; its first words still sit in one paragraph.
  const probe = quote?.text.replace(/^…\s*/, '').slice(0, 80).replace(/…$/, '').trim();
  if (probe) {
    for (const [s, section] of entry.sections.entries()) {
      if (page.sectionId && section.id !== page.sectionId) continue;
      const index = (plainParagraphs(entry)[s] ?? []).findIndex((paragraph) => paragraph.includes(probe));
      if (index !== -1) return { entryId: entry.id, sectionId: section.id, paragraphIndex: index };
    }
  }
  return page.sectionId ? { entryId: entry.id, sectionId: page.sectionId } : { entryId: entry.id };
}

const plainParagraphsOf = new WeakMap<Entry, string[][]>();

/** An entry's paragraphs as plain text, section by section, computed once per entry. */
function plainParagraphs(entry: Entry): string[][] {
  let plain = plainParagraphsOf.get(entry);
  if (!plain) {
    plain = entry.sections.map((section) => section.paragraphs.map(plainText));
    plainParagraphsOf.set(entry, plain);
  }
  return plain;
}
