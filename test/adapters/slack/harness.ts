/**
 * A real Bolt app (our Slack surface, HTTP mode, on 127.0.0.1) wired to a fake Slack, with the real
 * lexicon, a signed-request sender and a logger whose lines the test can read.
 */
import { createSlackApp, EVENTS_PATH, type SlackApp, type SlackAppOptions } from '../../../src/adapters/slack/app.js';
import { createLogger, type Logger } from '../../../src/core/logger.js';
import type { Lexicon } from '../../../src/core/lexicon.js';
import { loadLexicon } from '../../../src/core/load-lexicon.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { SlackSender } from '../../fakes/slack/http.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-test-bot-token';

let lexiconOnce: Promise<Lexicon> | undefined;
/** The real lexicon, loaded once per test file. */
export function sharedLexicon(): Promise<Lexicon> {
  lexiconOnce ??= loadLexicon();
  return lexiconOnce;
}

export interface Harness {
  slack: FakeSlack;
  app: SlackApp;
  sender: SlackSender;
  baseUrl: string;
  logLines: string[];
  logger: Logger;
  lexicon: Lexicon;
  stop(): Promise<void>;
}

/** Start a fake Slack and one HTTP-mode app instance talking to it. */
export async function startHarness(slack?: FakeSlack, withLexicon?: Lexicon, extra: Partial<Pick<SlackAppOptions, 'memory' | 'retentionDays'>> = {}): Promise<Harness> {
  const fake = slack ?? (await new FakeSlack().start());
  const lexicon = withLexicon ?? (await sharedLexicon());
  const logLines: string[] = [];
  const logger = createLogger('warn', (line) => logLines.push(line));
  const app = createSlackApp({ lexicon, logger, logLevel: 'warn', token: BOT_TOKEN, signingSecret: SIGNING_SECRET, slackApiUrl: fake.apiUrl, ...extra });
  const { port } = await app.start({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    slack: fake,
    app,
    sender: new SlackSender(baseUrl + EVENTS_PATH, SIGNING_SECRET),
    baseUrl,
    logLines,
    logger,
    lexicon,
    async stop() {
      await app.stop();
      if (!slack) await fake.stop();
    },
  };
}

type Json = Record<string, unknown>;

/** The buttons of a message, by their label. */
export function buttonsOf(message: unknown): { action_id: string; value: string; label: string }[] {
  const blocks = ((message as Json).blocks ?? []) as Json[];
  return blocks
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements as Json[])
    .filter((element) => element.type === 'button')
    .map((element) => ({ action_id: String(element.action_id), value: String(element.value), label: String((element.text as Json).text) }));
}
