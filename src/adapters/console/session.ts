/**
 * The interactive console chat: a readline loop (in-session history with the up/down arrows on a
 * terminal) that answers lines such as `/define empathy` (the slash is optional) and prints replies
 * with the terminal renderer. It keeps the last reply, so `/next`, `/prev` and `/sources` replay
 * that reply's actions. Unexpected errors print a short error id; details go to the logger.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Logger } from '../../core/logger.js';
import { newErrorId, somethingWentWrong } from '../../core/errors.js';
import { text, type Reply, type ReplyAction } from '../../core/reply.js';
import type { Surface } from '../../core/surface.js';
import { DEFAULT_LOCALE, type UiLocale } from '../../i18n/locale.js';
import { createTranslator, type Translator } from '../../i18n/translator.js';
import { DOCUMENT_TITLE } from '../../i18n/words.js';
import { cleanForTerminal, painter, shouldUseColor } from './ansi.js';
import { renderReplyForTerminal } from './render.js';

/** How the console gets its answers: the core's dispatcher, behind two calls. */
export interface ConsoleAnswerer {
  /** Answer one typed line as typed (trimmed), e.g. `/define empathy` or `empathy`. */
  answerLine(line: string): Reply | Promise<Reply>;
  /** Answer a follow-up action of the last reply (next page, sources), as a button would; a string is a notice. */
  replay(action: Pick<ReplyAction, 'kind' | 'request'>): Reply | string | Promise<Reply | string>;
  /** A line about the lexicon for the welcome banner, e.g. "13 entries". */
  summary?: string;
  /** The reader's language (LANG…), for the console's own words until a reply says otherwise. */
  locale?: UiLocale;
}

export interface ConsoleOptions {
  answerer: ConsoleAnswerer;
  logger: Logger;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  /** Environment consulted for NO_COLOR (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Force readline's terminal mode (line editing, arrow-key history); default: output is a TTY. */
  terminal?: boolean;
  /** More lines for the welcome banner (e.g. the reading room's address). */
  bannerLines?: readonly string[];
}

/** A running console; `closed` settles once the user has left (Ctrl-D, Ctrl-C, /quit) or stop(). */
export interface ConsoleSurface extends Surface {
  readonly closed: Promise<void>;
}

export const PROMPT = 'lexicon> ';
/** The last line, in English (other languages: the catalog's `console.goodbye`). */
export const GOODBYE = createTranslator(DEFAULT_LOCALE).t('console.goodbye');
/** Widest layout we use even on a wide terminal, for readable line lengths. */
const MAX_WIDTH = 100;
const HISTORY_SIZE = 500;

/** Console commands that replay an action of the last reply, and the action kind each replays. */
const REPLAY_COMMANDS: Record<string, { kind: ReplyAction['kind']; missing: 'console.noNextPage' | 'console.noPrevPage' | 'console.noFootnotes' }> = {
  next: { kind: 'next', missing: 'console.noNextPage' },
  prev: { kind: 'prev', missing: 'console.noPrevPage' },
  previous: { kind: 'prev', missing: 'console.noPrevPage' },
  sources: { kind: 'sources', missing: 'console.noFootnotes' },
};

const QUIT_COMMANDS = new Set(['quit', 'exit', 'q']);

/** The console's own commands, as its help lists them, in the reader's language. */
function consoleHelp(tr: Translator): string {
  return [
    tr.t('console.helpPages', { commands: tr.series(['/next', '/prev']) }),
    tr.t('console.helpSources', { command: '/sources' }),
    tr.t('console.helpQuit', { command: '/quit' }),
  ].join('\n');
}

/** Start the console chat on the given streams (stdin/stdout by default). */
export function startConsole(options: ConsoleOptions): ConsoleSurface {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const color = shouldUseColor(output, options.env ?? process.env);
  const paint = painter(color);
  const terminal = options.terminal ?? output.isTTY === true;
  const { answerer, logger } = options;
  // The console's own words: in the language of the last reply (the console's setting may change
  // it from one line to the next), else the reader's (LANG…).
  const words = (): Translator => createTranslator(lastReply?.locale ?? answerer.locale);

  const rl: Interface = createInterface({ input, output, terminal, historySize: HISTORY_SIZE, prompt: PROMPT, removeHistoryDuplicates: true });
  let lastReply: Reply | undefined;
  let queue: Promise<void> = Promise.resolve();
  let inputClosed = false;
  // Set by /quit: lines typed (or piped) after it are not answered.
  let quitting = false;

  // A reader that goes away (`npm start | head -1`) ends the chat quietly, not with an EPIPE stack.
  let outputGone = false;
  output.on('error', (error: NodeJS.ErrnoException) => {
    if (!outputGone && error.code !== 'EPIPE') logger.warn('console: output failed; leaving', { error: error.message });
    outputGone = true;
    quitting = true;
    rl.close();
  });
  const write = (text: string) => {
    if (!outputGone) output.write(text);
  };
  // A terminal that reports no size (columns 0 or undefined) gets 80.
  const width = () => Math.min(MAX_WIDTH, Math.max(20, output.columns || 80));
  const show = (reply: Reply) => {
    lastReply = reply;
    write(renderReplyForTerminal(reply, { color, width: width() }) + '\n\n');
  };
  const say = (text: string) => write(paint(text, 'dim') + '\n\n');

  async function handle(rawLine: string): Promise<void> {
    const line = rawLine.trim();
    if (line === '' || quitting) return;
    const withoutSlash = line.replace(/^\/+/, '').trim();
    const word = withoutSlash.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
    try {
      if (QUIT_COMMANDS.has(word) && withoutSlash.toLowerCase() === word) {
        quitting = true;
        rl.close();
        return;
      }
      const replayed = REPLAY_COMMANDS[word];
      if (replayed && withoutSlash.toLowerCase() === word) {
        const action = lastReply?.actions.find((candidate) => candidate.kind === replayed.kind);
        if (!action) return say(lastReply ? words().t(replayed.missing) : words().t('console.askFirst', { example: '/define empathy' }));
        const answer = await answerer.replay(action);
        return typeof answer === 'string' ? say(answer) : show(answer);
      }
      const reply = await answerer.answerLine(line);
      if (reply.kind === 'help') {
        const tr = createTranslator(reply.locale ?? answerer.locale);
        show({ ...reply, blocks: [...reply.blocks, { kind: 'heading', text: tr.t('console.inThisConsole') }, text(consoleHelp(tr))] });
      } else {
        show(reply);
      }
    } catch (error) {
      const errorId = newErrorId();
      // stderr is usually the same terminal: the message at error level, the stack only at debug.
      logger.error('console: answering a line failed', { errorId, line: line.slice(0, 200), error: error instanceof Error ? error.message : String(error) });
      logger.debug('console: failure details', { errorId, error });
      write(paint(cleanForTerminal(somethingWentWrong(errorId, lastReply?.locale ?? answerer.locale)), 'red') + '\n\n');
    }
  }

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });

  rl.on('line', (line) => {
    queue = queue.then(() => handle(line)).then(() => {
      if (!inputClosed) rl.prompt();
    });
  });
  // Ctrl-C on a terminal: leave like Ctrl-D rather than leaving readline paused.
  rl.on('SIGINT', () => rl.close());
  rl.on('close', () => {
    inputClosed = true;
    // Answer what was typed before the end of input, then say goodbye (on its own line: the
    // cursor is still after the prompt).
    void queue.then(() => {
      write('\n' + words().t('console.goodbye') + '\n');
      resolveClosed();
    });
  });

  const tr = words();
  const title = tr.workTitle(DOCUMENT_TITLE);
  write(paint(answerer.summary ? tr.t('console.greeting', { title, summary: answerer.summary }) : tr.t('console.greetingBare', { title }), 'bold') + '\n');
  for (const line of options.bannerLines ?? []) write(paint(cleanForTerminal(line), 'dim') + '\n');
  write(paint(tr.t('console.hint', { examples: tr.series(['/define empathy', '/search trust', '/help']) }), 'dim') + '\n\n');
  rl.prompt();

  return {
    name: 'console',
    closed,
    async stop() {
      rl.close();
      await closed;
    },
  };
}
