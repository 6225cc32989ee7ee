/**
 * Many instances, one database: two real `npm start` processes (Slack installable in many workspaces,
 * Discord over its HTTP interactions endpoint) share one PostgreSQL, behind a loopback round-robin
 * that sends each request to the next instance in turn, as a load balancer would. Nothing is kept in
 * either process that the other needs: an install begun on one finishes on the other, a delivery
 * retried to the other instance is answered once, and what one instance stores the other uses.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/storage/open.js';
import type { Store } from '../src/core/store.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import { applicationKeys, DiscordHttpSender, type ApplicationKeys } from '../fakes/discord/http-sender.js';
import { slashCommand as discordCommand } from '../fakes/discord/payloads.js';
import { FakeSlack, type FakeWorkspace } from './fakes/slack/fake-slack.js';
import { post, SlackSender } from './fakes/slack/http.js';
import { appMention, fromWorkspace, slashCommand } from './fakes/slack/payloads.js';
import { signedHeaders } from './fakes/slack/signing.js';
import { cleanUpAfterAll, createPostgresDatabase, postgresServerUrl } from './support/engines.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIGNING_SECRET = 'two-instances-signing-secret';
const WORKSPACE: FakeWorkspace = { teamId: 'T0SHARED', botToken: 'xoxb-shared-workspace' };

/**
 * Waits on the `memory` branch (issue 9, chat surfaces: commits cefee49 and 31c29d9 there): Slack's
 * `/lexicon settings <name> <value>` for admins, settings applied to Slack answers, and Slack answers
 * recorded for the statistics. Until that is merged into this branch those two tests are skipped;
 * whoever merges it turns this to false (both tests must then pass).
 */
const WAITS_ON_SURFACE_MEMORY = false;

/** One running instance: its process, its ports (from its start-up log) and its log lines. */
interface Instance {
  name: string;
  child: ChildProcessWithoutNullStreams;
  slackPort: number;
  discordPort: number;
  lines: string[];
}

function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      NO_COLOR: '1',
      ENTRIES_DIR: '',
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      HEALTH_PORT: '',
      DATA_DIR: '',
      // Both listen on a free port each; the log says which.
      PORT: '0',
      DISCORD_INTERACTIONS_PORT: '0',
      ...env,
    },
  });
  const lines: string[] = [];
  let pending = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start: ${lines.join('\n')}`)), 150_000);
    child.stderr.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const complete = pending.split('\n');
      pending = complete.pop() ?? '';
      for (const line of complete) {
        lines.push(line);
        if (!line.includes('Started: ')) continue;
        const slackPort = /:(\d+)\/slack\/events/.exec(line)?.[1];
        const discordPort = /:(\d+)\/discord\/interactions/.exec(line)?.[1];
        clearTimeout(timer);
        if (!slackPort || !discordPort) reject(new Error(`${name}: no ports in ${line}`));
        else resolve({ name, child, slackPort: Number(slackPort), discordPort: Number(discordPort), lines });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}: ${lines.join('\n')}`));
    });
  });
}

/** The first log line of an instance that satisfies `matches`, waiting for it. */
async function waitForLine(instance: Instance, matches: (line: string) => boolean, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = instance.lines.find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`${instance.name}: no such log line within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.child.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (instance.child.exitCode === null) instance.child.kill('SIGKILL');
}

/** A loopback load balancer: request n goes to instance n mod 2, bytes untouched (signatures hold). */
function roundRobin(instances: Instance[]): Promise<{ server: Server; url: string; servedBy: string[] }> {
  const servedBy: string[] = [];
  const server = createServer((req, res) => {
    const target = instances[servedBy.length % instances.length]!;
    servedBy.push(target.name);
    const port = (req.url ?? '').startsWith('/discord/') ? target.discordPort : target.slackPort;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, servedBy })));
}

const serverUrl = postgresServerUrl();

describe.skipIf(serverUrl === null)('two instances on one PostgreSQL, behind a round-robin', () => {
  cleanUpAfterAll();
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let keys: ApplicationKeys;
  let instances: Instance[] = [];
  let balancer: Awaited<ReturnType<typeof roundRobin>>;
  let store: Store;
  let slackSender: SlackSender;

  beforeAll(async () => {
    const databaseUrl = await createPostgresDatabase(serverUrl ?? '');
    slack = await new FakeSlack().start();
    // The person is a workspace admin (Slack's answer to the admin check, and to the locale look-up).
    slack.answer('users.info', (args) => ({ ok: true, user: { id: args.user, is_admin: true, is_owner: false, locale: 'en-US' } }));
    discord = await FakeDiscord.start({ guilds: [{ id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101' }] });
    keys = applicationKeys();
    const env = {
      DATABASE_URL: databaseUrl,
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_CLIENT_SECRET: 'client-secret-for-tests',
      SLACK_STATE_SECRET: 'state-secret-shared-by-both-instances',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      DISCORD_API_URL: discord.apiUrl,
    };
    // Both start at once, migrating the same empty database.
    instances = await Promise.all([startInstance('A', env), startInstance('B', env)]);
    balancer = await roundRobin(instances);
    slackSender = new SlackSender(`${balancer.url}/slack/events`, SIGNING_SECRET);
    store = await openStore({ databaseUrl, migrate: false });
  }, 200_000);

  afterAll(async () => {
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    balancer?.server.close();
    await store?.close();
    await slack?.stop();
    await discord?.stop();
  }, 60_000);

  /** The next request goes to instance `name` (the round-robin is strict). */
  const nextIs = (name: string) => expect(instances[balancer.servedBy.length % instances.length]!.name).toBe(name);

  it('installs Slack across both (the install starts on A and finishes on B), and both answer with the installed token', async () => {
    nextIs('A');
    const start = await fetch(`${balancer.url}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const state = new URL(start.headers.get('location') ?? '').searchParams.get('state') ?? '';
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const code = slack.addWorkspace(WORKSPACE);
    const done = await fetch(`${balancer.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
    expect(done.status).toBe(200);
    expect(balancer.servedBy).toEqual(['A', 'B']);

    for (const term of ['empathy', 'trust', 'empathy', 'trust']) {
      const answer = await slackSender.command(fromWorkspace(slashCommand('/define', term, slack.responseUrl()), WORKSPACE));
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toMatch(/Empathy|Trust/);
    }
    await slackSender.event(fromWorkspace(appMention('define trust', '1700000900.000100'), WORKSPACE));
    await slackSender.event(fromWorkspace(appMention('define empathy', '1700000901.000100'), WORKSPACE));
    const posts = await slack.waitFor(() => slack.callsOf('chat.postMessage').length >= 2 && slack.callsOf('chat.postMessage'), 30_000);
    expect(posts.map((call) => call.token)).toEqual([WORKSPACE.botToken, WORKSPACE.botToken]);
    expect(balancer.servedBy.slice(2)).toEqual(['A', 'B', 'A', 'B', 'A', 'B']);
  });

  it('answers a Slack event once when its retry reaches the other instance', async () => {
    slack.reset();
    const envelope = fromWorkspace(appMention('define reassurance', '1700001000.000100'), WORKSPACE);
    const body = JSON.stringify(envelope);
    const first = balancer.servedBy.length;
    expect((await post(`${balancer.url}/slack/events`, body, signedHeaders(SIGNING_SECRET, body, 'application/json'))).status).toBe(200);
    await slack.waitFor(() => slack.callsOf('chat.postMessage')[0], 30_000);
    const retry = await post(`${balancer.url}/slack/events`, body, { ...signedHeaders(SIGNING_SECRET, body, 'application/json'), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    const [answeredBy, retriedTo] = balancer.servedBy.slice(first, first + 2).map((name) => instances.find((instance) => instance.name === name)!);
    expect(answeredBy?.name).not.toBe(retriedTo?.name);
    // The instance the retry reached says what it did with it: dropped it (or, were the claim not shared, answered it).
    const outcome = await waitForLine(retriedTo!, (line) => line.includes(envelope.event_id) || (line.includes('request answered') && line.includes('"entryId":"reassurance"')));
    expect(outcome).toContain('event already handled');
    expect(slack.callsOf('chat.postMessage').map((call) => call.args.thread_ts)).toEqual(['1700001000.000100']);
  });

  it('answers a Discord interaction delivered to both instances once (the other says 409)', async () => {
    const sender = new DiscordHttpSender(`${balancer.url}/discord/interactions`, keys);
    const interaction = discordCommand(discord.applicationId, { kind: 'guild', guild: discord.guilds[0]! }, 'define', [{ name: 'term', value: 'empathy' }]);
    const first = balancer.servedBy.length;
    const answers = await Promise.all([sender.send(interaction), sender.send(interaction)]);
    expect(new Set(balancer.servedBy.slice(first, first + 2))).toEqual(new Set(['A', 'B']));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(JSON.stringify(answers.find((answer) => answer.status === 200)?.body)).toContain('Empathy');
  });

  it.skipIf(WAITS_ON_SURFACE_MEMORY)('applies on one instance a setting made through the other', async () => {
    const madeOn = instances[balancer.servedBy.length % 2]!.name;
    const set = await slackSender.command(fromWorkspace(slashCommand('/lexicon', 'settings visibility public', slack.responseUrl('set-visibility')), WORKSPACE));
    expect(set.status).toBe(200);
    const saved = await slack.waitFor(() => slack.responseUrlCalls.find((call) => call.id === 'set-visibility')?.body, 30_000);
    expect(JSON.stringify(saved)).toContain('Saved: visibility is public');
    expect((await store.getSettings({ kind: 'workspace', platform: 'slack', workspaceId: WORKSPACE.teamId })).visibility).toBe('public');
    // Longer than an instance keeps settings it has read (2 s), then one request: it reaches the other instance.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const answer = await slackSender.command(fromWorkspace(slashCommand('/define', 'empathy', slack.responseUrl()), WORKSPACE));
    expect(balancer.servedBy.at(-1)).not.toBe(madeOn);
    expect((answer.body as { response_type?: string }).response_type).toBe('in_channel');
  });

  it.skipIf(WAITS_ON_SURFACE_MEMORY)("counts both instances' requests in the statistics", async () => {
    for (let i = 0; i < 6; i += 1) {
      // Private: the workspace answers publicly by now, and six public answers from one person in a
      // minute would meet the limit on public posts (shared by both instances).
      const answer = await slackSender.command(fromWorkspace(slashCommand('/define', 'self-restraint --private', slack.responseUrl()), WORKSPACE));
      expect(answer.status).toBe(200);
    }
    // Six lookups of a term asked nowhere else in this file, three through each instance: both
    // recorded theirs (a batch is written within seconds). Counting this term alone keeps the
    // earlier tests' lookups, still being written, out of the count.
    const selfRestraint = async () => (await store.lookupStats({ since: 0, limit: 10, workspaceId: WORKSPACE.teamId })).topQueries.find((counted) => counted.key === 'self-restraint')?.count ?? 0;
    await expect.poll(selfRestraint, { timeout: 20_000, interval: 500 }).toBe(6);
    expect((await store.lookupStats({ since: 0, limit: 10 })).total).toBeGreaterThanOrEqual(6 + 4 + 2);
  });

  it('both instances served requests, and each says so in its own request log', () => {
    for (const instance of instances) {
      expect(balancer.servedBy.filter((name) => name === instance.name).length).toBeGreaterThanOrEqual(5);
      expect(instance.lines.filter((line) => line.includes('request answered')).length).toBeGreaterThanOrEqual(3);
    }
  });
});
