/**
 * /settings and /stats through the real discord.js client against the fake Discord, on both storage
 * engines: a channel set to Japanese and public answers /translate trust publicly with Japanese
 * first; a member without Manage Server is refused; /stats counts the requests just made; with the
 * database gone, lookups are still answered.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import { TeamMemory } from '../../../src/core/team-memory.js';
import { openStore } from '../../../src/storage/open.js';
import { MANAGER_PERMISSIONS, slashCommand, slashSubcommand, type InteractionPlace } from '../../../fakes/discord/payloads.js';
import type { RecordedRequest } from '../../../fakes/discord/fake-discord.js';
import { startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';
import { describeEachEngine } from '../../support/engines.js';

const EPHEMERAL = 64;
const MEMBER_PERMISSIONS = '2248473465835073';
const GUILD = { id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101' };
const JAPANESE_CHANNEL = '1100000000000000102';
const OTHER_CHANNEL = '1100000000000000103';

/** The first language named in the translation fields of an answer ("**Japanese:** 信頼 …"). */
function firstLanguage(body: CallbackBody): string | undefined {
  const values = (body.data?.embeds?.[0]?.fields ?? []).map((field) => field.value).join('\n');
  return /\*\*([^*:]+):\*\*/.exec(values)?.[1];
}

describeEachEngine('Discord /settings and /stats', (engine) => {
  let running: RunningBot;
  let memory: TeamMemory;
  const inChannel = (channelId: string): InteractionPlace & { kind: 'guild' } => ({ kind: 'guild', guild: GUILD, channelId });

  beforeAll(async () => {
    memory = new TeamMemory({ store: await openStore(await engine.freshOptions()), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0 });
    running = await startBot({ memory }, { guilds: [GUILD] });
  });
  afterAll(async () => {
    await running.stop();
    await memory.close().catch(() => {});
  });

  /** A team command answered after a deferral: the edit of the deferred reply. */
  const team = async (name: string, subcommand: string | undefined, options: { name: string; value: string }[], channelId = JAPANESE_CHANNEL, permissions = MANAGER_PERMISSIONS) => {
    const interaction = slashSubcommand(running.fake.applicationId, inChannel(channelId), name, subcommand, options, permissions);
    const callback = (await running.ask(interaction)).body as CallbackBody;
    if (callback.type !== 5) return { callback, edit: undefined };
    const edit: RecordedRequest = await running.fake.waitForRequest((r) => r.method === 'PATCH' && r.path.startsWith(`/webhooks/${running.fake.applicationId}/${interaction.token}/messages/@original`));
    return { callback, edit: edit.body as CallbackBody['data'] };
  };
  const slash = async (name: string, options: { name: string; value: string }[], channelId: string) =>
    (await running.ask(slashCommand(running.fake.applicationId, inChannel(channelId), name, options))).body as CallbackBody;

  it('sets a channel to Japanese and public with /settings; /translate trust there answers publicly, Japanese first', async () => {
    const before = await slash('translate', [{ name: 'term', value: 'trust' }], JAPANESE_CHANNEL);
    expect(before.data?.flags).toBe(EPHEMERAL);
    expect(firstLanguage(before)).not.toMatch(/^Japanese/);

    const language = await team('settings', 'language', [{ name: 'value', value: 'ja' }, { name: 'scope', value: 'channel' }]);
    expect(language.callback.data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(language.edit)).toContain('Saved: language is ja for this channel.');
    const visibility = await team('settings', 'visibility', [{ name: 'value', value: 'public' }, { name: 'scope', value: 'channel' }]);
    expect(JSON.stringify(visibility.edit)).toContain('Saved: visibility is public for this channel.');

    const after = await slash('translate', [{ name: 'term', value: 'trust' }], JAPANESE_CHANNEL);
    expect(after.type).toBe(4);
    expect(after.data?.flags ?? 0).toBe(0);
    expect(firstLanguage(after)).toMatch(/^Japanese/);
    // An explicit option wins over the channel's settings.
    const explicit = await slash('translate', [{ name: 'term', value: 'trust' }, { name: 'visibility', value: 'private' }], JAPANESE_CHANNEL);
    expect(explicit.data?.flags).toBe(EPHEMERAL);
    // Other channels keep the server's (default) settings.
    const elsewhere = await slash('translate', [{ name: 'term', value: 'trust' }], OTHER_CHANNEL);
    expect(elsewhere.data?.flags).toBe(EPHEMERAL);
    expect(firstLanguage(elsewhere)).toBe(firstLanguage(before));

    const shown = await team('settings', 'show', []);
    expect(JSON.stringify(shown.edit)).toMatch(/language.*ja/);
  });

  it('declares Manage Server for /settings and /stats, and refuses a member without it even if the client shows the command', async () => {
    const refused = await team('settings', 'show', [], JAPANESE_CHANNEL, MEMBER_PERMISSIONS);
    expect(refused.callback.type).toBe(4);
    expect(refused.callback.data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(refused.callback.data)).toContain('Only members who can manage this server may use /settings.');
    const stats = await team('stats', undefined, [], JAPANESE_CHANNEL, MEMBER_PERMISSIONS);
    expect(JSON.stringify(stats.callback.data)).toContain('may use /stats');
    // Nothing was changed by the refused member.
    expect(await memory.settingsAt({ kind: 'workspace', platform: 'discord', workspaceId: GUILD.id })).toEqual({});
  });

  it('refuses public posting where it is off, saying so privately, and /stats counts the requests just made', async () => {
    await team('settings', 'allow-public', [{ name: 'value', value: 'off' }]);
    const asked = await running.ask(slashCommand(running.fake.applicationId, inChannel(OTHER_CHANNEL), 'define', [{ name: 'term', value: 'empathy' }, { name: 'visibility', value: 'public' }]));
    expect((asked.body as CallbackBody).data?.flags).toBe(EPHEMERAL);
    const notice = await running.fake.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/webhooks/${running.fake.applicationId}/`) && JSON.stringify(r.body).includes('turned off here'));
    expect((notice.body as { flags?: number }).flags).toBe(EPHEMERAL);
    await slash('define', [{ name: 'term', value: 'xyzzy-not-a-term' }], OTHER_CHANNEL);

    // Recorded once answered, off the request path: wait until all are written.
    await vi.waitFor(async () => {
      await memory.recorder?.flush();
      expect((await memory.stats({ since: 0, limit: 10, workspaceId: GUILD.id })).total).toBe(6);
    });
    const stats = await team('stats', undefined, [{ name: 'since', value: '7d' }]);
    const text = JSON.stringify(stats.edit);
    // 4 × /translate trust and 2 × /define, recorded with the server and no message text.
    expect(text).toContain('6 lookups');
    expect(text).toMatch(/trust[^\]]*4/);
    expect(text).toContain('xyzzy-not-a-term');
    const recorded = await memory.stats({ since: 0, limit: 10, workspaceId: GUILD.id });
    expect(recorded.total).toBe(6);
  });

  it("answers in a channel's UI language once /settings uiLanguage sets it, and in the reader's client language elsewhere", async () => {
    const KOREAN_CHANNEL = '1100000000000000105';
    const hangul = /[\uAC00-\uD7AF]/;
    const before = await slash('help', [], KOREAN_CHANNEL);
    expect(JSON.stringify(before.data)).not.toMatch(hangul);
    const set = await team('settings', 'ui-language', [{ name: 'value', value: 'ko' }, { name: 'scope', value: 'channel' }], KOREAN_CHANNEL);
    expect(JSON.stringify(set.edit)).toContain('uiLanguage');
    const after = await slash('help', [], KOREAN_CHANNEL);
    expect(JSON.stringify(after.data)).toMatch(hangul);
    // The document's title and the command names stay as they are.
    expect(JSON.stringify(after.data)).toContain('Cooperative Security 2.0');
    expect(JSON.stringify(after.data)).toContain('/define');
    const elsewhere = await slash('help', [], OTHER_CHANNEL);
    expect(JSON.stringify(elsewhere.data)).not.toMatch(hangul);
  });

  it('reads the settings once per command: its visibility, the language of the answer and of a refusal come from one read', async () => {
    const reads = vi.spyOn(memory.store, 'getSettings');
    try {
      // A channel with settings of its own (public posting turned off there by now: the answer says so privately).
      expect((await slash('translate', [{ name: 'term', value: 'trust' }, { name: 'visibility', value: 'public' }], JAPANESE_CHANNEL)).type).toBe(4);
      expect(reads).toHaveBeenCalledTimes(3);
      reads.mockClear();
      expect((await slash('define', [{ name: 'term', value: 'trust' }], OTHER_CHANNEL)).data?.flags).toBe(EPHEMERAL);
      expect(reads).toHaveBeenCalledTimes(3);
    } finally {
      reads.mockRestore();
    }
  });

  it('still answers lookups when the database is gone, and says so with an error id in /settings', async () => {
    await memory.purge();
    await memory.store.close();
    const answered = await slash('define', [{ name: 'term', value: 'trust' }], '1100000000000000104');
    expect(answered.type).toBe(4);
    expect(answered.data?.embeds?.[0]?.title).toBe('Trust');
    const shown = await team('settings', 'show', [], '1100000000000000104');
    expect(JSON.stringify(shown.edit)).toMatch(/database did not answer.*error id [0-9a-z]+/i);
    await memory.recorder?.flush();
    expect(memory.failedWrites).toBeGreaterThan(0);
  });
});
