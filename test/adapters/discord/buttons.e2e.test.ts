/**
 * Buttons end to end, through the real discord.js client against the fake Discord: Post to channel,
 * Sources, Prev / Next, who may change a public answer, and buttons that no longer resolve. Each
 * click is a fresh interaction carrying only the custom_id (and the message it sits on), as after a
 * restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeActionState } from '../../../src/core/action-state.js';
import { buttonClick, DEFAULT_USER, slashCommand, type FakeUser, type InteractionPlace } from '../../../fakes/discord/payloads.js';
import { buttonsOf, startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';

const EPHEMERAL = 64;
const CALLBACK_MESSAGE = 4;
const CALLBACK_DEFERRED_UPDATE = 6;
const CALLBACK_UPDATE_MESSAGE = 7;
const OTHER_USER: FakeUser = { id: '1300000000000000777', username: 'colleague' };

describe('Discord adapter: buttons', () => {
  let running: RunningBot;
  let thread: InteractionPlace;
  beforeAll(async () => {
    running = await startBot({}, { guilds: [{ id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101', threadId: '1100000000000000201' }] });
    thread = { kind: 'guild', guild: running.fake.guilds[0]!, thread: true };
  });
  afterAll(async () => {
    await running.stop();
  });

  const define = async (term: string, visibility?: 'public') => {
    const options = [{ name: 'term', value: term }, ...(visibility ? [{ name: 'visibility', value: visibility }] : [])];
    return (await running.ask(slashCommand(running.fake.applicationId, thread, 'define', options))).body as CallbackBody;
  };
  const click = (customId: string, message: CallbackBody['data'], at: { ephemeral?: boolean; askedBy?: FakeUser; clicker?: FakeUser } = {}) => {
    const interaction = buttonClick(
      running.fake.applicationId,
      thread,
      customId,
      { embeds: message?.embeds ?? [], components: message?.components ?? [], ephemeral: at.ephemeral ?? true, ...(at.askedBy ? { askedBy: at.askedBy } : {}) },
      at.clicker ?? DEFAULT_USER,
    );
    return { interaction, callback: running.ask(interaction) };
  };
  const labelled = (message: CallbackBody['data'], start: string) => buttonsOf(message).find((b) => b.label.startsWith(start))!;
  /** Requests made with this interaction's token, after a pause long enough for any that would follow. */
  const laterRequests = async (interaction: { token: string }) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return running.webhookRequests(interaction);
  };

  it('Post to channel acknowledges the click and posts the same excerpt publicly, with author, footnotes and who shared it', async () => {
    const asked = await define('empathy');
    const { interaction, callback } = click(labelled(asked.data, 'Post to channel').custom_id, asked.data);
    expect(((await callback).body as CallbackBody).type).toBe(CALLBACK_DEFERRED_UPDATE);
    const followUp = await running.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${running.fake.applicationId}/${interaction.token}`);
    const body = followUp.body as NonNullable<CallbackBody['data']>;
    expect(body.flags ?? 0).toBe(0);
    expect(body.content).toBe(`Shared by <@${DEFAULT_USER.id}>`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
    expect(body.embeds![0]!.author?.name).toContain('David A. Welch');
    expect(body.embeds![0]!.fields?.some((f) => f.name === 'Footnotes cited' && f.value.includes('**57.**'))).toBe(true);
    expect(buttonsOf(body).map((b) => b.label)).not.toContain('Post to channel');
  });

  it('after Post to channel, the private copy can no longer post a second time', async () => {
    const asked = await define('empathy');
    const { interaction } = click(labelled(asked.data, 'Post to channel').custom_id, asked.data);
    const edit = await running.fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${running.fake.applicationId}/${interaction.token}/messages/@original`,
    );
    const edited = edit.body as NonNullable<CallbackBody['data']>;
    expect(buttonsOf(edited).map((b) => b.label)).not.toContain('Post to channel');
    expect(buttonsOf(edited).map((b) => b.label)).toContain('Sources');
    expect(edited.embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
  });

  it('Sources answers privately with the footnotes of the page on screen', async () => {
    const asked = await define('trust');
    const { callback } = click(labelled(asked.data, 'Sources').custom_id, asked.data);
    const body = (await callback).body as CallbackBody;
    expect(body.type).toBe(CALLBACK_MESSAGE);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    // Page 1 of Trust quotes nn. 24–26; n. 28 is on a later page.
    expect(JSON.stringify(body.data!.embeds![0]!.fields)).toContain('**24.**');
    expect(JSON.stringify(body.data!.embeds![0]!.fields)).not.toContain('**28.**');
    expect(body.data!.embeds![0]!.title).toBe('Sources: Trust');
  });

  it('Next and Prev update the private message with the neighbouring page', async () => {
    const asked = await define('threat-perception-gap');
    expect(asked.data!.embeds![0]!.footer?.text).toMatch(/^Page 1 of (\d+)/);
    const second = (await click(labelled(asked.data, 'Page 2').custom_id, asked.data).callback).body as CallbackBody;
    expect(second.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(second.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
    expect(second.data!.embeds![0]!.description).not.toBe(asked.data!.embeds![0]!.description);
    expect(second.data?.allowed_mentions).toEqual({ parse: [] });
    const first = (await click(buttonsOf(second.data).find((b) => b.label.includes('Page 1'))!.custom_id, second.data).callback).body as CallbackBody;
    expect(first.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(first.data!.embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
  });

  it('pages search results beyond the first five with the Page 2 button', async () => {
    const asked = (await running.ask(slashCommand(running.fake.applicationId, thread, 'search', [{ name: 'query', value: 'trust' }]))).body as CallbackBody;
    expect(asked.data!.embeds![0]!.footer?.text).toMatch(/^Page 1 of/);
    const second = (await click(labelled(asked.data, 'Page 2').custom_id, asked.data).callback).body as CallbackBody;
    expect(second.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(second.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
    expect(JSON.stringify(second.data!.embeds)).not.toBe(JSON.stringify(asked.data!.embeds));
  });

  it('only the person who asked pages a public answer in place, without a Post to channel button', async () => {
    const asked = await define('reassurance', 'public');
    expect(asked.data?.flags ?? 0).toBe(0);
    const next = labelled(asked.data, 'Page 2');
    const second = (await click(next.custom_id, asked.data, { ephemeral: false, askedBy: DEFAULT_USER }).callback).body as CallbackBody;
    expect(second.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(second.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
    expect(buttonsOf(second.data).map((b) => b.label)).not.toContain('Post to channel');
  });

  it('gives anyone else who pages a public answer their own private copy at that page, and leaves the public one alone', async () => {
    const asked = await define('reassurance', 'public');
    const { interaction, callback } = click(labelled(asked.data, 'Page 2').custom_id, asked.data, { ephemeral: false, askedBy: DEFAULT_USER, clicker: OTHER_USER });
    const body = (await callback).body as CallbackBody;
    expect(body.type).toBe(CALLBACK_MESSAGE);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
    // Their copy is theirs: it may be posted; nothing edits the public message.
    expect(buttonsOf(body.data).map((b) => b.label)).toContain('Post to channel');
    expect((await laterRequests(interaction)).filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it('a shared copy that says "Page 1 of N" offers a way to page 2 for whoever reads it', async () => {
    const asked = await define('reassurance');
    const { interaction } = click(labelled(asked.data, 'Post to channel').custom_id, asked.data);
    const followUp = await running.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${running.fake.applicationId}/${interaction.token}`);
    const shared = followUp.body as NonNullable<CallbackBody['data']>;
    expect(shared.embeds![0]!.footer?.text).toMatch(/^Page 1 of \d+/);
    const next = labelled(shared, 'Page 2');
    expect(next).toBeDefined();
    // A reader who did not share it gets page 2 privately.
    const body = (await click(next.custom_id, shared, { ephemeral: false, askedBy: DEFAULT_USER, clicker: OTHER_USER }).callback).body as CallbackBody;
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
  });

  it('answers a button whose entry no longer exists privately as out of date, and never posts it', async () => {
    const stale = encodeActionState({ kind: 'share', request: { command: 'define', options: { term: 'renamed-since' } } });
    const { interaction, callback } = click(stale, undefined);
    const body = (await callback).body as CallbackBody;
    expect(body.type).toBe(CALLBACK_MESSAGE);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toContain('This button is out of date');
    expect(body.data?.content).not.toContain(DEFAULT_USER.id);
    expect((await laterRequests(interaction)).filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('answers Next on a public answer whose page no longer exists privately, and never edits the public message', async () => {
    const stale = encodeActionState({ kind: 'next', request: { command: 'define', options: { term: 'empathy' }, page: 40 } });
    const { interaction, callback } = click(stale, undefined, { ephemeral: false, askedBy: DEFAULT_USER });
    const body = (await callback).body as CallbackBody;
    expect(body.type).toBe(CALLBACK_MESSAGE);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toContain('This button is out of date');
    expect((await laterRequests(interaction)).filter((r) => r.method === 'PATCH' || r.method === 'POST')).toEqual([]);
  });

  it('echoes a typed term cut between whole emoji, never inside one', async () => {
    const family = '👩‍👩‍👧‍👦';
    const asked = await define(`${'a'.repeat(58)}${family}${family}zzz`);
    expect(asked.data!.embeds![0]!.title).toContain(`${'a'.repeat(58)}${family}…`);
    expect(asked.data!.embeds![0]!.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('replays a search query longer than its echo whole when its answer is posted', async () => {
    const query = 'reassurance strategies practical challenges east asian waters';
    expect(query.length).toBeGreaterThan(60);
    const asked = (await running.ask(slashCommand(running.fake.applicationId, thread, 'search', [{ name: 'query', value: query }]))).body as CallbackBody;
    const { interaction } = click(labelled(asked.data, 'Post to channel').custom_id, asked.data);
    const followUp = await running.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${running.fake.applicationId}/${interaction.token}`);
    const shared = followUp.body as NonNullable<CallbackBody['data']>;
    expect(shared.embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
  });

  it.each([
    ['garbled', '{not json'],
    ['foreign', 'some-other-bot:click'],
    ['tampered', '["lx2","explode","define",{}]'],
    ['tampered term', '["lx2","share","define",{"term":"@99.9"}]'],
  ])('answers a %s custom_id privately as out of date', async (_name, customId) => {
    const body = (await click(customId, undefined, { ephemeral: false, askedBy: OTHER_USER }).callback).body as CallbackBody;
    expect(body.type).toBe(CALLBACK_MESSAGE);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toContain('This button is out of date');
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
  });
});
