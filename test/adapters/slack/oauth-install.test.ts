/**
 * Installs in many workspaces, end to end: a real Bolt app with Bolt's own installer, its
 * installations in our store (SQLite and PostgreSQL), the whole OAuth install driven against the fake
 * Slack (`/slack/install` → consent → `/slack/oauth_redirect` → `oauth.v2.access`) on loopback.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../../src/adapters/slack/app.js';
import { INSTALL_PATH, OAUTH_REDIRECT_PATH, storeInstallations } from '../../../src/adapters/slack/installations.js';
import { BOT_SCOPES } from '../../../src/adapters/slack/manifest.js';
import { createLogger } from '../../../src/core/logger.js';
import type { Store } from '../../../src/core/store.js';
import { openStore } from '../../../src/storage/open.js';
import { describeEachEngine } from '../../support/engines.js';
import { FakeSlack, type FakeWorkspace } from '../../fakes/slack/fake-slack.js';
import { SlackSender } from '../../fakes/slack/http.js';
import { appMention, appUninstalled, fromWorkspace, slashCommand, tokensRevoked, type FromWorkspace } from '../../fakes/slack/payloads.js';
import { sharedLexicon, SIGNING_SECRET } from './harness.js';

const CLIENT_ID = '1111.2222';
const CLIENT_SECRET = 'client-secret-for-tests';
const STATE_SECRET = 'state-secret-0123456789abcdef';

const TEAM_A: FakeWorkspace = { teamId: 'T0AAAAAA', botToken: 'xoxb-team-a' };
const TEAM_B: FakeWorkspace = { teamId: 'T0BBBBBB', botToken: 'xoxb-team-b' };
const ORG: FakeWorkspace = { teamId: 'T0ORGHQ', enterpriseId: 'E0ORG001', orgWide: true, botToken: 'xoxb-org-wide' };

describeEachEngine('Slack installs in many workspaces (OAuth)', (engine) => {
  let slack: FakeSlack;
  let store: Store;
  let app: SlackApp;
  let baseUrl: string;
  let sender: SlackSender;
  const logLines: string[] = [];

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    store = await openStore(await engine.freshOptions());
    app = createSlackApp({
      lexicon: await sharedLexicon(),
      logger: createLogger('info', (line) => logLines.push(line)),
      logLevel: 'warn',
      signingSecret: SIGNING_SECRET,
      slackApiUrl: slack.apiUrl,
      installations: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, stateSecret: STATE_SECRET, scopes: BOT_SCOPES, store: storeInstallations(store) },
    });
    const { port } = await app.start({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${port}`;
    sender = new SlackSender(baseUrl + EVENTS_PATH, SIGNING_SECRET);
  });
  afterAll(async () => {
    await app?.stop();
    await store?.close();
    await slack?.stop();
  });

  /** A person installs the app: /slack/install sends them to Slack, Slack sends them back with a code. */
  async function install(workspace: FakeWorkspace): Promise<Response> {
    const start = await fetch(baseUrl + INSTALL_PATH, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const consent = new URL(start.headers.get('location') ?? '');
    expect(consent.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(consent.searchParams.get('scope')?.split(',')).toEqual([...BOT_SCOPES]);
    const state = consent.searchParams.get('state') ?? '';
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
    const code = slack.addWorkspace(workspace);
    return fetch(`${baseUrl}${OAUTH_REDIRECT_PATH}?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, { headers: { cookie }, redirect: 'manual' });
  }

  const define = (from: FromWorkspace, term: string) => sender.command(fromWorkspace(slashCommand('/define', term, slack.responseUrl()), from));
  const mention = (from: FromWorkspace, text: string, ts: string) => sender.event(fromWorkspace(appMention(text, ts), from));

  it('installs in two workspaces through oauth.v2.access and keeps each one in the store', async () => {
    for (const workspace of [TEAM_A, TEAM_B]) {
      const done = await install(workspace);
      expect(done.status).toBe(200);
      expect(await done.text()).toMatch(/Thank you|success/i);
    }
    expect(slack.callsOf('oauth.v2.access').map((call) => call.args.client_id)).toEqual([CLIENT_ID, CLIENT_ID]);
    const stored = await store.findInstallation({ teamId: TEAM_B.teamId, enterpriseId: null, isEnterpriseInstall: false });
    expect(JSON.parse(stored?.data ?? '{}')).toMatchObject({ team: { id: TEAM_B.teamId }, bot: { token: TEAM_B.botToken } });
  });

  it('refuses an install whose state does not match the browser that started it', async () => {
    const code = slack.addWorkspace({ teamId: 'T0FORGED', botToken: 'xoxb-forged' });
    const forged = await fetch(`${baseUrl}${OAUTH_REDIRECT_PATH}?code=${code}&state=made-up`, { redirect: 'manual' });
    expect(forged.status).not.toBe(200);
    expect(await store.findInstallation({ teamId: 'T0FORGED', enterpriseId: null, isEnterpriseInstall: false })).toBeUndefined();
  });

  it("answers a slash command from each workspace, and answers in each workspace with that workspace's own token", async () => {
    for (const workspace of [TEAM_A, TEAM_B]) {
      const answer = await define(workspace, 'empathy');
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).toContain('Empathy');
    }
    await mention(TEAM_A, 'define trust', '1700000600.000100');
    await mention(TEAM_B, 'define trust', '1700000601.000100');
    const posts = await slack.waitFor(() => {
      const calls = slack.callsOf('chat.postMessage');
      return calls.length >= 2 && calls;
    });
    const tokenByThread = Object.fromEntries(posts.map((call) => [String(call.args.thread_ts), call.token]));
    expect(tokenByThread).toEqual({ '1700000600.000100': TEAM_A.botToken, '1700000601.000100': TEAM_B.botToken });
  });

  it('refuses a request from a workspace with no installation (401), and says so in the log', async () => {
    const refused = await define({ teamId: 'T0NOTINST' }, 'empathy');
    expect(refused.status).toBe(401);
    expect(logLines.some((line) => line.includes('has no installation'))).toBe(true);
  });

  it('app_uninstalled removes the installation: that workspace is refused, the other still answered', async () => {
    expect((await sender.event(fromWorkspace(appUninstalled(), TEAM_A))).status).toBe(200);
    await expect.poll(() => store.findInstallation({ teamId: TEAM_A.teamId, enterpriseId: null, isEnterpriseInstall: false }), { timeout: 10_000 }).toBeUndefined();
    expect((await define(TEAM_A, 'empathy')).status).toBe(401);
    const still = await define(TEAM_B, 'empathy');
    expect(still.status).toBe(200);
    expect(JSON.stringify(still.body)).toContain('Empathy');
  });

  it('tokens_revoked removes the installation only when the bot token is revoked', async () => {
    await sender.event(fromWorkspace(tokensRevoked({ oauth: ['U0SOMEONE'] }), TEAM_B));
    expect((await define(TEAM_B, 'empathy')).status).toBe(200);
    await sender.event(fromWorkspace(tokensRevoked({ bot: ['UBOT0LEX'] }), TEAM_B));
    await expect.poll(() => store.findInstallation({ teamId: TEAM_B.teamId, enterpriseId: null, isEnterpriseInstall: false }), { timeout: 10_000 }).toBeUndefined();
    expect((await define(TEAM_B, 'empathy')).status).toBe(401);
  });

  it('an org-wide install (Enterprise Grid) answers every workspace of the organization with the org token', async () => {
    const done = await install(ORG);
    expect(done.status).toBe(200);
    const stored = await store.findInstallation({ teamId: null, enterpriseId: ORG.enterpriseId!, isEnterpriseInstall: true });
    expect(stored?.isEnterpriseInstall).toBe(true);
    const inOrg = { teamId: 'T0ORGWS1', enterpriseId: ORG.enterpriseId, orgWide: true };
    const answer = await define(inOrg, 'empathy');
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Empathy');
    slack.reset();
    await mention({ teamId: 'T0ORGWS2', enterpriseId: ORG.enterpriseId, orgWide: true }, 'define trust', '1700000700.000100');
    const post = await slack.waitFor(() => slack.callsOf('chat.postMessage')[0]);
    expect(post.token).toBe(ORG.botToken);
    // A workspace of another organization is not covered by it.
    expect((await define({ teamId: 'T0ELSE', enterpriseId: 'E0OTHER', orgWide: true }, 'empathy')).status).toBe(401);
  });
});
