/**
 * `npm run lexicon -- <command> [arguments...] [--json]`: answer one command and exit.
 * `--page N` picks a page of a long answer. Exit codes: 0 for any answer (including "no match"), 2 for a usage error (no command, unknown
 * command or option, a bad argument), 1 when the bot cannot start (configuration, entry files) or
 * fails unexpectedly. With --json, stdout holds exactly one JSON object, the reply model; logs and
 * usage go to stderr.
 */
import { dispatcher } from './dispatcher.js';
import { answerRead, readTextLine } from './core/text-request.js';
import { emptyDraft } from './core/entry-views.js';
import { newErrorId, somethingWentWrong } from './core/errors.js';
import { createLogger, type Logger } from './core/logger.js';
import { text as textBlock, type Reply, type ReplyKind } from './core/reply.js';
import { slashCommand } from './core/reply-text.js';
import { usageOf } from './core/usage.js';
import { renderReplyForTerminal, shouldUseColor } from './adapters/console/index.js';
import { parseCliArguments, STORAGE_COMMANDS } from './cli-arguments.js';
import { answeredRequest } from './core/answered.js';
import type { AnsweredRequest } from './core/lookup-recorder.js';
import type { Config } from './config.js';
import type { Lexicon } from './core/lexicon.js';
import { loadConfiguration, loadStartupLexicon, StartupError } from './startup.js';
import { catalogs, type MessageKey } from './i18n/catalog.js';
import { DEFAULT_LOCALE, LOCALES, PSEUDO_LOCALE, type UiLocale } from './i18n/locale.js';
import { localeFromEnv, localeFromTag } from './i18n/negotiate.js';
import { createTranslator, t } from './i18n/translator.js';

export const EXIT_ANSWER = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** The usage text printed on stderr for usage errors and --help, in the reader's language. */
export function usageText(locale: UiLocale = DEFAULT_LOCALE): string {
  const { t } = createTranslator(locale);
  const { commands } = dispatcher;
  const usage = (command: (typeof commands)[number]) => slashCommand(usageOf(command));
  const width = Math.max(...commands.map((command) => usage(command).length));
  const optionLines: [string, MessageKey][] = [
    ['--json', 'cli.option.json'],
    ['--page N', 'cli.option.page'],
    ['--lang LOCALE', 'cli.option.lang'],
    ['--help', 'cli.option.help'],
  ];
  const optionWidth = Math.max(...optionLines.map(([flag]) => flag.length));
  return [
    t('cli.usage'),
    '',
    t('cli.commands'),
    ...commands.map((command) => `  ${usage(command).slice(1).padEnd(width)}  ${commandDescription(locale, command.name, command.description)}`),
    '',
    t('cli.options'),
    ...optionLines.map(([flag, key]) => `  ${flag.padEnd(optionWidth)}  ${t(key)}`),
    '',
    t('cli.examples'),
    '  npm run lexicon -- define empathy',
    '  npm run lexicon -- compare "confidence building measures" trust --json',
    '  npm run lexicon -- translate trust --lang ja',
    '  npm run lexicon -- stats --since 30d        (what people looked for; the bot\'s database)',
    '  npm run lexicon -- settings set language ja --discord <server id> [--channel <id>]',
    t('cli.exitCodes'),
  ].join('\n');
}

/** A command's description in the locale, from the catalog (as the command declares it if the catalog lacks it). */
function commandDescription(locale: UiLocale, name: string, english: string): string {
  const key = `command.${name}.description`;
  return Object.hasOwn(catalogs.en, key) ? t(locale, key as MessageKey) : english;
}

/** The locale of this run: --lang (en-XA: the pseudo-locale), else LC_ALL / LC_MESSAGES / LANG; undefined for a --lang we do not speak. */
function cliLocale(lang: string | undefined): UiLocale | undefined {
  if (lang === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  return lang === undefined ? localeFromEnv(process.env) : localeFromTag(lang);
}

/** Answer argv; resolves to the exit code. Writes the answer to stdout, problems to stderr. */
export async function runCli(argv: readonly string[]): Promise<number> {
  if (argv[0] && STORAGE_COMMANDS.has(argv[0]) && !argv.includes('--help')) return runStorageCli(argv);
  const args = parseCliArguments(argv);
  const locale = cliLocale(args.lang);
  if (locale === undefined) {
    const fallback = localeFromEnv(process.env);
    const supported = createTranslator(fallback).list([...LOCALES], 'disjunction');
    return usage(args.json, t(fallback, 'cli.unknownLocale', { value: args.lang ?? '', supported }), fallback);
  }
  if (args.help && !args.json) {
    process.stdout.write(usageText(locale) + '\n');
    return EXIT_ANSWER;
  }
  if (args.unknownFlag !== undefined) return usage(args.json, t(locale, 'cli.unknownOption', { option: args.unknownFlag }), locale);
  // --help --json: the help command's reply, as JSON like every other answer.
  const parsed = readTextLine(dispatcher, args.help ? 'help' : args.line, locale);
  if ('error' in parsed) return usage(args.json, parsed.error, locale);

  const started = await startUp(args.json);
  if (typeof started === 'number') return started;
  const { config, lexicon, logger } = started;

  let reply: Reply;
  let latencyMs = 0;
  try {
    const answerStarted = performance.now();
    reply = answerRead(dispatcher, lexicon, parsed, args.page, locale);
    latencyMs = performance.now() - answerStarted;
  } catch (error) {
    const errorId = newErrorId();
    logger.error('lexicon command failed', { errorId, line: args.line.slice(0, 200), error: error instanceof Error ? error.message : String(error) });
    logger.debug('lexicon command failure details', { errorId, error });
    return cannotStart(args.json, somethingWentWrong(errorId));
  }

  const code = reply.kind === 'usage-error' ? EXIT_USAGE : reply.kind === 'error' ? EXIT_FAILURE : EXIT_ANSWER;
  if (args.json) {
    process.stdout.write(JSON.stringify(reply, null, 2) + '\n');
    if (code === EXIT_USAGE) process.stderr.write(usageText(locale) + '\n');
  } else if (code === EXIT_ANSWER) {
    process.stdout.write(forTerminal(reply, process.stdout, locale) + '\n');
  } else {
    const hint = code === EXIT_USAGE ? `\n${t(locale, 'cli.usage')}\n${t(locale, 'cli.helpHint')}\n` : '';
    process.stderr.write(forTerminal(reply, process.stderr, locale) + '\n' + hint);
  }
  // Recorded once the answer is out: the reader does not wait for the database.
  await recordAnswer(config, logger, answeredRequest({ surface: 'cli' }, parsed.request.command, parsed.request.options, reply, latencyMs));
  return code;
}

/** The configuration, the lexicon and a logger, or the exit code of a start that failed (said in one line). */
async function startUp(json: boolean): Promise<{ config: Config; lexicon: Lexicon; logger: Logger } | number> {
  try {
    const config = loadConfiguration();
    const lexicon = await loadStartupLexicon(config);
    return { config, lexicon, logger: createLogger(config.LOG_LEVEL) };
  } catch (error) {
    if (error instanceof StartupError) return cannotStart(json, error.message);
    throw error;
  }
}

/**
 * Record the answer in the team's store; a database that fails is logged, the answer stands. The
 * store's modules (the query builder, the database drivers) load only here, after the answer.
 */
async function recordAnswer(config: Config, logger: Logger, answered: AnsweredRequest): Promise<void> {
  try {
    const { openTeamMemory } = await import('./storage/memory.js');
    const memory = await openTeamMemory(config, logger);
    memory.record(answered);
    await memory.close();
  } catch (error) {
    logger.warn('Could not record this lookup (the answer stands)', { errorId: newErrorId(), error: error instanceof Error ? error.message : String(error) });
  }
}

/** `stats …` and `settings …`: answered from the team's store, printed like every answer. */
async function runStorageCli(argv: readonly string[]): Promise<number> {
  const [{ runStorageCommand }, { StoreOpenError }] = await Promise.all([import('./cli-storage.js'), import('./storage/open.js')]);
  const json = argv.includes('--json');
  const locale = localeFromEnv(process.env);
  const started = await startUp(json);
  if (typeof started === 'number') return started;
  const { config, lexicon, logger } = started;
  try {
    const { reply, code } = await runStorageCommand(argv, config, lexicon, logger);
    const stream = code === EXIT_ANSWER ? process.stdout : process.stderr;
    if (json) printReply(reply);
    else stream.write(forTerminal(reply, stream, locale) + '\n');
    return code;
  } catch (error) {
    if (error instanceof StoreOpenError) return cannotStart(json, `Cannot open the database: ${error.message}`);
    const errorId = newErrorId();
    logger.error('lexicon storage command failed', { errorId, error });
    return cannotStart(json, somethingWentWrong(errorId));
  }
}

function forTerminal(reply: Reply, stream: NodeJS.WriteStream, locale: UiLocale): string {
  const { index, count } = reply.page;
  return renderReplyForTerminal(reply, {
    color: shouldUseColor(stream, process.env),
    width: Math.min(100, stream.columns || 80),
    // The console's /next and /sources do not exist here; the page line says how to get the next page instead.
    followUpHints: false,
    pagingLine: index < count ? t(locale, 'cli.nextPage', { index, count, next: index + 1 }) : undefined,
  });
}

/** A usage error before dispatch: usage on stderr; with --json, the error as a reply on stdout. */
function usage(json: boolean, problem: string, locale: UiLocale): number {
  if (json) printReply(standaloneReply('usage-error', t(locale, 'cli.usageError'), problem));
  process.stderr.write(`${problem}\n\n${usageText(locale)}\n`);
  return EXIT_USAGE;
}

/** The bot cannot start or failed: one line on stderr; with --json, also an error reply on stdout. */
function cannotStart(json: boolean, line: string): number {
  if (json) printReply(standaloneReply('error', 'Cannot answer', line));
  process.stderr.write(line.replace(/\s*\n\s*/g, ' ') + '\n');
  return EXIT_FAILURE;
}

function standaloneReply(kind: ReplyKind, title: string, text: string): Reply {
  const draft = emptyDraft(kind, title, { command: 'help', options: {} });
  draft.blocks = [textBlock(text)];
  return { ...draft, page: { index: 1, count: 1 } };
}

function printReply(reply: Reply): void {
  process.stdout.write(JSON.stringify(reply, null, 2) + '\n');
}

// No top-level await: the build runs this module as a CommonJS script (through V8's code cache).
void runCli(process.argv.slice(2))
  .catch((error: unknown) => {
    const errorId = newErrorId();
    process.stderr.write(`${somethingWentWrong(errorId)}\n`);
    createLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'silent').debug('lexicon CLI failure', { errorId, error });
    return EXIT_FAILURE;
  })
  .then((code) => {
    process.exitCode = code;
  });
