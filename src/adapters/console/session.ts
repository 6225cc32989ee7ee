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
export const GOODBYE = 'Goodbye.';
/** Widest layout we use even on a wide terminal, for readable line lengths. */
const MAX_WIDTH = 100;
const HISTORY_SIZE = 500;

/** Console commands that replay an action of the last reply, and the action kind each replays. */
const REPLAY_COMMANDS: Record<string, { kind: ReplyAction['kind']; missing: string }> = {
  next: { kind: 'next', missing: 'There is no next page.' },
  prev: { kind: 'prev', missing: 'There is no previous page.' },
  previous: { kind: 'prev', missing: 'There is no previous page.' },
  sources: { kind: 'sources', missing: 'The last answer has no footnotes to show.' },
};

const QUIT_COMMANDS = new Set(['quit', 'exit', 'q']);

const CONSOLE_HELP = [
  '/next, /prev — the next or previous page of the last answer',
  '/sources — the footnotes of the last answer',
  '/quit or Ctrl-D — leave; up/down arrows recall earlier lines',
].join('\n');

/** Start the console chat on the given streams (stdin/stdout by default). */
export function startConsole(options: ConsoleOptions): ConsoleSurface {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const color = shouldUseColor(output, options.env ?? process.env);
  const paint = painter(color);
  const terminal = options.terminal ?? output.isTTY === true;
  const { answerer, logger } = options;

  const rl: Interface = createInterface({ input, output, terminal, historySize: HISTORY_SIZE, prompt: PROMPT, removeHistoryDuplicates: true });
  let lastReply: Reply | undefined;
  let queue: Promise<void> = Promise.resolve();
  let inputClosed = false;
  // Set by /quit: lines typed (or piped) after it are not answered.
  let quitting = false;

  const write = (text: string) => void output.write(text);
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
        if (!action) return say(lastReply ? replayed.missing : 'Ask something first, e.g. /define empathy.');
        const answer = await answerer.replay(action);
        return typeof answer === 'string' ? say(answer) : show(answer);
      }
      const reply = await answerer.answerLine(line);
      if (reply.kind === 'help') {
        show({ ...reply, blocks: [...reply.blocks, { kind: 'heading', text: 'In this console' }, text(CONSOLE_HELP)] });
      } else {
        show(reply);
      }
    } catch (error) {
      const errorId = newErrorId();
      // stderr is usually the same terminal: the message at error level, the stack only at debug.
      logger.error('console: answering a line failed', { errorId, line: line.slice(0, 200), error: error instanceof Error ? error.message : String(error) });
      logger.debug('console: failure details', { errorId, error });
      write(paint(cleanForTerminal(somethingWentWrong(errorId)), 'red') + '\n\n');
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
      write('\n' + GOODBYE + '\n');
      resolveClosed();
    });
  });

  const summary = answerer.summary ? ` (${answerer.summary})` : '';
  write(paint(`Cooperative Security 2.0 lexicon${summary}.`, 'bold') + '\n');
  for (const line of options.bannerLines ?? []) write(paint(cleanForTerminal(line), 'dim') + '\n');
  write(paint('Type /define empathy, /search trust, /help — or Ctrl-D to leave.', 'dim') + '\n\n');
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
