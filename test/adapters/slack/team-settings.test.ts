/**
 * `/lexicon settings|stats` through the real Bolt app against the fake Slack, on both storage
 * engines: only workspace admins and owners (users.info, cached) may run them; a channel set to
 * Japanese and public answers /translate trust in the channel with Japanese first; stats count the
 * requests just made; with the database gone, lookups are still answered.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import { TeamMemory } from '../../../src/core/team-memory.js';
import { openStore } from '../../../src/storage/open.js';
import { FAKE_TEAM_ID } from '../../fakes/slack/fake-slack.js';
import { appHomeOpened, CHANNEL_ID, slashCommand, USER_ID, viewAction } from '../../fakes/slack/payloads.js';
import { SETTING_ACTION_PREFIX } from '../../../src/adapters/slack/ids.js';
import { describeEachEngine } from '../../support/engines.js';
import { sharedLexicon, startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;
const ADMIN_ID = 'U0ADMIN01';
const OTHER_CHANNEL = 'C0OTHER';

/** The first language named in a Slack rendering of translations ("*Japanese* — trust: 信頼"). */
function firstLanguage(message: unknown): string | undefined {
  return /\*([^*]+)\* — /.exec(JSON.stringify(message))?.[1];
}

describeEachEngine('Slack /lexicon settings and stats', (engine) => {
  let h: Harness;
  let memory: TeamMemory;
  beforeAll(async () => {
    memory = new TeamMemory({ store: await openStore(await engine.freshOptions()), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0 });
    h = await startHarness(undefined, await sharedLexicon(), { memory });
    h.slack.answer('users.info', (args) => ({ ok: true, user: { id: args.user, is_admin: args.user === ADMIN_ID, is_owner: false, is_primary_owner: false } }));
  });
  afterAll(async () => {
    await h.stop();
    await memory.close().catch(() => {});
  });

  let responses = 0;
  /** A slash command; resolves with the acknowledgement and, for team commands, the private answer sent to the response URL. */
  const run = async (command: string, text: string, as = USER_ID, channel = CHANNEL_ID) => {
    const id = `r${++responses}`;
    const response = await h.sender.command({ ...slashCommand(command, text, h.slack.responseUrl(id)), user_id: as, channel_id: channel });
    expect(response.status).toBe(200);
    return { ack: response.body as Json, responded: () => h.slack.waitFor(() => h.slack.responseUrlCalls.find((call) => call.id === id)?.body) };
  };

  it('lets an admin set a channel to Japanese and public; /translate trust there answers in the channel, Japanese first', async () => {
    const before = await run('/translate', 'trust');
    expect(before.ack.response_type).toBe('ephemeral');
    expect(firstLanguage(before.ack)).not.toBe('Japanese');

    const language = await run('/lexicon', 'settings language ja channel', ADMIN_ID);
    const saved = await language.responded();
    expect(saved.response_type).toBe('ephemeral');
    expect(JSON.stringify(saved)).toContain('Saved: language is ja for this channel.');
    expect(JSON.stringify((await (await run('/lexicon', 'settings visibility public channel', ADMIN_ID)).responded()))).toContain('Saved: visibility is public for this channel.');

    const after = await run('/translate', 'trust');
    expect(after.ack.response_type).toBe('in_channel');
    expect(firstLanguage(after.ack)).toBe('Japanese');
    // --private wins over the channel's setting; another channel keeps the workspace's defaults.
    expect((await run('/translate', 'trust --private')).ack.response_type).toBe('ephemeral');
    expect((await run('/translate', 'trust', USER_ID, OTHER_CHANNEL)).ack.response_type).toBe('ephemeral');
  });

  it('refuses everyone but admins and owners, privately, asking users.info once per user within the cache time', async () => {
    const refused = await (await run('/lexicon', 'settings visibility public')).responded();
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toBe('Only workspace admins and owners may use /lexicon settings.');
    const stats = await (await run('/lexicon', 'stats')).responded();
    expect(stats.text).toBe('Only workspace admins and owners may use /lexicon stats.');
    expect(await memory.settingsAt({ kind: 'workspace', platform: 'slack', workspaceId: FAKE_TEAM_ID })).toEqual({});
    const asked = h.slack.callsOf('users.info').map((call) => call.args.user);
    expect(asked.filter((user) => user === USER_ID)).toHaveLength(1);
    expect(asked.filter((user) => user === ADMIN_ID)).toHaveLength(1);
  });

  it('gives admins the stats of the requests just made, and a usage reply for a setting that does not exist', async () => {
    await run('/define', 'xyzzy-not-a-term', USER_ID, OTHER_CHANNEL);
    await vi.waitFor(async () => {
      await memory.recorder?.flush();
      expect((await memory.stats({ since: 0, limit: 10, workspaceId: FAKE_TEAM_ID })).total).toBe(5);
    });
    const stats = JSON.stringify(await (await run('/lexicon', 'stats 7d', ADMIN_ID)).responded());
    expect(stats).toContain('5 lookups');
    expect(stats).toContain('xyzzy-not-a-term');
    expect(stats).toMatch(/trust[^"]*4/);
    const wrong = JSON.stringify(await (await run('/lexicon', 'settings colour red', ADMIN_ID)).responded());
    expect(wrong).toContain('There is no setting “colour”');
  });

  it('shows the workspace’s settings in App Home, as menus for admins and owners only, and saves an admin’s choice', async () => {
    const publishedFor = async (user: string) => {
      const before = h.slack.callsOf('views.publish').length;
      const opened = appHomeOpened();
      expect((await h.sender.event({ ...opened, event: { ...opened.event, user } })).status).toBe(200);
      return (await h.slack.waitFor(() => h.slack.callsOf('views.publish')[before])).args.view as Json;
    };
    const adminHome = JSON.stringify(await publishedFor(ADMIN_ID));
    expect(adminHome).toContain(`"action_id":"${SETTING_ACTION_PREFIX}citation"`);
    expect(adminHome).toContain('*citation*: not set');

    const before = h.slack.callsOf('views.publish').length;
    const change = viewAction({ type: 'static_select', action_id: `${SETTING_ACTION_PREFIX}citation`, selected_option: { text: { type: 'plain_text', text: 'apa — APA' }, value: 'apa' } });
    expect((await h.sender.interaction({ ...change, user: { ...change.user, id: ADMIN_ID } })).status).toBe(200);
    const republished = await h.slack.waitFor(() => h.slack.callsOf('views.publish')[before]);
    expect(JSON.stringify(republished.args.view)).toContain('*citation*: apa');
    expect(await memory.settingsAt({ kind: 'workspace', platform: 'slack', workspaceId: FAKE_TEAM_ID })).toEqual({ citation: 'apa' });

    const memberHome = JSON.stringify(await publishedFor(USER_ID));
    expect(memberHome).toContain('*citation*: apa');
    expect(memberHome).not.toContain(SETTING_ACTION_PREFIX);
    // A member's menu change (a forged payload) changes nothing.
    await h.sender.interaction(viewAction({ type: 'static_select', action_id: `${SETTING_ACTION_PREFIX}citation`, selected_option: { text: { type: 'plain_text', text: 'x' }, value: 'chicago' } }));
    await h.slack.waitFor(() => h.slack.callsOf('views.publish').length >= before + 3);
    expect(await memory.settingsAt({ kind: 'workspace', platform: 'slack', workspaceId: FAKE_TEAM_ID })).toEqual({ citation: 'apa' });
  });

  it("posts in a channel's UI language once an admin sets it, and keeps the document's words as they are", async () => {
    const JAPANESE_UI_CHANNEL = 'C0JAPANESEUI';
    const kana = /[\u3040-\u30FF]/;
    const before = await run('/cite', 'trust --public', USER_ID, JAPANESE_UI_CHANNEL);
    expect(JSON.stringify(before.ack)).not.toMatch(kana);
    expect(JSON.stringify(await (await run('/lexicon', 'settings ui-language ja channel', ADMIN_ID, JAPANESE_UI_CHANNEL)).responded())).toContain('uiLanguage');
    const after = await run('/cite', 'trust --public', USER_ID, JAPANESE_UI_CHANNEL);
    expect(after.ack.response_type).toBe('in_channel');
    expect(JSON.stringify(after.ack)).toMatch(kana);
    expect(JSON.stringify(after.ack)).toContain('Cooperative Security 2.0');
  });

  it('reads the settings once per slash command: its visibility, the language of the post and the reader\'s come from one read', async () => {
    const reads = vi.spyOn(memory.store, 'getSettings');
    try {
      // The channel's setting makes this public: the channel's language for the post, the user's for a refusal.
      expect((await run('/translate', 'trust')).ack.response_type).toBe('in_channel');
      expect(reads).toHaveBeenCalledTimes(3);
      reads.mockClear();
      expect((await run('/define', 'trust', USER_ID, OTHER_CHANNEL)).ack.response_type).toBe('ephemeral');
      expect(reads).toHaveBeenCalledTimes(3);
    } finally {
      reads.mockRestore();
    }
  });

  it('still answers lookups when the database is gone', async () => {
    await memory.purge();
    await memory.store.close();
    const answered = await run('/define', 'trust', USER_ID, 'C0THIRD');
    expect(answered.ack.response_type).toBe('ephemeral');
    expect(JSON.stringify(answered.ack)).toContain('Trust');
    const shown = JSON.stringify(await (await run('/lexicon', 'settings', ADMIN_ID, 'C0THIRD')).responded());
    expect(shown).toMatch(/database did not answer.*error id [0-9a-z]+/i);
  });
});
