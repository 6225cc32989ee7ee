/**
 * From chat to the page: Discord and Slack answers link to the exact paragraph they quote, signed,
 * only when WEB_PUBLIC_URL is set. A real discord.js client against the fake Discord, a real Bolt
 * app against the fake Slack, and Chromium opening the link taken from the Discord answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../src/adapters/slack/app.js';
import { parseConfig } from '../../src/config.js';
import { paragraphAnchors } from '../../src/core/anchors.js';
import { silentLogger } from '../../src/core/logger.js';
import { launchChromium, type FreshBrowser } from '../../src/bench/chromium.js';
import { verifyToken } from '../../src/web/access.js';
import { configuredPageLinker, pageLinker } from '../../src/web/links.js';
import { slashCommand as discordSlashCommand } from '../../fakes/discord/payloads.js';
import { startBot, type CallbackBody, type RunningBot } from '../fakes/discord/harness.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { buttonClick, slashCommand } from '../fakes/slack/payloads.js';
import { BOT_TOKEN, buttonsOf, SIGNING_SECRET } from '../adapters/slack/harness.js';
import { decodeActionState } from '../../src/core/action-state.js';
import { realLexicon, serveReadingRoom, type ServedReadingRoom } from './helpers.js';

let room: ServedReadingRoom;
let discord: RunningBot;
let unlinked: RunningBot;

beforeAll(async () => {
  room = await serveReadingRoom();
  discord = await startBot({ lexicon: await realLexicon(), readingRoom: room.settings });
  unlinked = await startBot({ lexicon: await realLexicon() });
}, 60_000);

afterAll(async () => {
  await discord?.stop();
  await unlinked?.stop();
  await room?.server.close();
});

async function ask(running: RunningBot, name: string, options: { name: string; value: string }[]): Promise<NonNullable<CallbackBody['data']>> {
  const interaction = discordSlashCommand(running.fake.applicationId, { kind: 'guild', guild: running.fake.guilds[0]! }, name, options);
  const callback = await running.ask(interaction);
  return (callback.body as CallbackBody).data!;
}

/** The paragraph anchors of an entry, all sections. */
async function anchorsOf(entryId: string): Promise<string[]> {
  return paragraphAnchors((await realLexicon()).entry(entryId)!).flat();
}

describe('links from Discord answers', { timeout: 60_000 }, () => {
  it('links a definition\'s title to the paragraph it quotes, with a valid token', async () => {
    const data = await ask(discord, 'define', [{ name: 'term', value: 'empathy' }]);
    const url = new URL(data.embeds?.[0]?.url ?? '');
    expect(url.origin).toBe(room.base);
    expect(url.pathname).toBe('/entries/empathy');
    expect(await anchorsOf('empathy')).toContain(url.hash.slice(1));
    expect(verifyToken(room.settings.secret, url.searchParams.get('t') ?? undefined).ok).toBe(true);
  });

  it('links each search result\'s heading to its passage', async () => {
    const data = await ask(discord, 'search', [{ name: 'query', value: 'strategic trust' }]);
    const links = [...(data.embeds?.[0]?.description ?? '').matchAll(/\]\((http[^)\s]+)\)/g)].map((match) => new URL(match[1]!));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      expect(link.origin).toBe(room.base);
      expect(link.pathname).toMatch(/^\/entries\/[a-z0-9-]+$/);
      expect(link.hash).toMatch(/^#.+/);
    }
  });

  it('carries no link when the reading room has no public address', async () => {
    const data = await ask(unlinked, 'define', [{ name: 'term', value: 'empathy' }]);
    expect(data.embeds?.[0]?.url).toBeUndefined();
    expect(configuredPageLinker(parseConfig({}), await realLexicon())).toBeUndefined();
    expect(configuredPageLinker(parseConfig({ WEB_PUBLIC_URL: 'https://lexicon.example.org' }), await realLexicon())).toBeDefined();
  });
});

describe('links from Slack answers', { timeout: 60_000 }, () => {
  let slack: FakeSlack;
  let app: SlackApp;
  let sender: SlackSender;

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    const lexicon = await realLexicon();
    app = createSlackApp({ lexicon, logger: silentLogger, token: BOT_TOKEN, signingSecret: SIGNING_SECRET, slackApiUrl: slack.apiUrl, links: pageLinker(lexicon, room.settings) });
    const { port } = await app.start({ port: 0, host: '127.0.0.1' });
    sender = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.stop();
  });

  it('puts a "Read it on the page" link to the quoted paragraph under the title, and links search results', async () => {
    const defined = JSON.stringify((await sender.command(slashCommand('/define', 'empathy', slack.responseUrl()))).body);
    const link = /<(http[^|>]+)\|Read it on the page>/.exec(defined)?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.pathname).toBe('/entries/empathy');
    expect(await anchorsOf('empathy')).toContain(url.hash.slice(1));
    const found = JSON.stringify((await sender.command(slashCommand('/lexicon', 'search strategic trust', slack.responseUrl()))).body);
    expect(found).toMatch(new RegExp(`\\*<${room.base.replace(/[.]/g, '\\.')}/entries/[a-z0-9-]+\\?t=[^|>]+#[^|>]+\\|`));
  });

  it('keeps the link on an excerpt shared with Post to channel', async () => {
    const answer = (await sender.command(slashCommand('/define', 'empathy', slack.responseUrl()))).body as Parameters<typeof buttonsOf>[0];
    const share = buttonsOf(answer).find((candidate) => decodeActionState(candidate.value)?.kind === 'share');
    expect(share).toBeDefined();
    const clicked = await sender.interaction(buttonClick({ action_id: share!.action_id, value: share!.value }, slack.responseUrl('shared')));
    expect(clicked.status).toBe(200);
    const posted = await slack.waitFor(() => slack.responseUrlCalls.find((call) => call.id === 'shared' && (call.body as { response_type?: string }).response_type === 'in_channel'));
    const link = /<(http[^|>]+)\|Read it on the page>/.exec(JSON.stringify(posted.body))?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    expect(url.pathname).toBe('/entries/empathy');
    expect(verifyToken(room.settings.secret, url.searchParams.get('t') ?? undefined).ok).toBe(true);
  });
});

describe('the link from a Discord answer in Chromium', { timeout: 60_000 }, () => {
  let browser: FreshBrowser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens the signed link of a definition at the paragraph the answer quotes', async () => {
    const data = await ask(discord, 'define', [{ name: 'term', value: 'empathy' }]);
    const link = data.embeds?.[0]?.url ?? '';
    const response = await page.goto(link);
    expect(response?.status()).toBe(200);
    const anchor = new URL(link).hash.slice(1);
    expect(await page.evaluate(`document.querySelector(':target')?.id`)).toBe(anchor);
    // The paragraph the page lands on holds the words the answer quoted first.
    const quoted = (data.embeds?.[0]?.description ?? '').split('\n')[0]!.replace(/^> /, '').replace(/[*_\\]/g, '').slice(0, 40);
    const landed = (await page.evaluate(`document.querySelector(':target')?.textContent ?? ''`)) as string;
    expect(landed.replace(/\s+/g, ' ')).toContain(quoted.replace(/\s+/g, ' ').trim());
    await expect.poll(() => page.locator(`[id="${anchor}"]`).isVisible()).toBe(true);
  });
});
