/**
 * Buttons end to end: Post to channel, Sources, Prev / Next, and a custom_id that is not ours.
 * Each click is a fresh interaction carrying only the custom_id, as after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonClick, DEFAULT_USER, slashCommand, type InteractionPlace } from '../../fakes/discord/payloads.js';
import { buttonsOf, startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';

const EPHEMERAL = 64;
const CALLBACK_DEFERRED_UPDATE = 6;
const CALLBACK_UPDATE_MESSAGE = 7;

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

  const define = async (term: string) => {
    const body = (await running.ask(slashCommand(running.fake.applicationId, thread, 'define', [{ name: 'term', value: term }]))).body as CallbackBody;
    return body;
  };
  const click = (customId: string, message: CallbackBody['data'], ephemeral = true) => {
    const interaction = buttonClick(running.fake.applicationId, thread, customId, { embeds: message?.embeds ?? [], components: message?.components ?? [], ephemeral });
    return { interaction, callback: running.ask(interaction) };
  };

  it('Post to channel acknowledges the click and posts the same excerpt publicly, with author, footnotes and who shared it', async () => {
    const asked = await define('empathy');
    const share = buttonsOf(asked.data).find((b) => b.label === 'Post to channel')!;
    const { interaction, callback } = click(share.custom_id, asked.data);
    expect(((await callback).body as CallbackBody).type).toBe(CALLBACK_DEFERRED_UPDATE);
    const followUp = await running.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${running.fake.applicationId}/${interaction.token}`);
    const body = followUp.body as NonNullable<CallbackBody['data']>;
    expect(body.flags ?? 0).toBe(0);
    expect(body.content).toBe(`Shared by <@${DEFAULT_USER.id}>`);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
    expect(body.embeds![0]!.author?.name).toContain('David A. Welch');
    expect(body.embeds![0]!.fields?.some((f) => f.name === 'Footnotes cited' && f.value.includes('**57.**'))).toBe(true);
    expect(body.components ?? []).toEqual([]);
  });

  it('Sources answers privately with the footnotes', async () => {
    const asked = await define('trust');
    const sources = buttonsOf(asked.data).find((b) => b.label.startsWith('Sources'))!;
    const { callback } = click(sources.custom_id, asked.data);
    const body = (await callback).body as CallbackBody;
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    // The footnotes of the page on screen: page 1 of Trust quotes nn. 24–26; n. 28 is on a later page.
    expect(JSON.stringify(body.data!.embeds![0]!.fields)).toContain('**24.**');
    expect(JSON.stringify(body.data!.embeds![0]!.fields)).not.toContain('**28.**');
  });

  it('Next and Prev update the message with the neighbouring page', async () => {
    const asked = await define('threat-perception-gap');
    expect(asked.data!.embeds![0]!.footer?.text).toMatch(/^Page 1 of (\d+)/);
    const next = buttonsOf(asked.data).find((b) => b.label.startsWith('Page 2'))!;
    const second = (await click(next.custom_id, asked.data).callback).body as CallbackBody;
    expect(second.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(second.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
    expect(second.data!.embeds![0]!.description).not.toBe(asked.data!.embeds![0]!.description);
    expect(second.data?.allowed_mentions).toEqual({ parse: [] });
    const prev = buttonsOf(second.data).find((b) => b.label.includes('Page 1'))!;
    const first = (await click(prev.custom_id, second.data).callback).body as CallbackBody;
    expect(first.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(first.data!.embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
  });

  it('paging a public message keeps it without a Post to channel button', async () => {
    const asked = (await running.ask(slashCommand(running.fake.applicationId, thread, 'define', [{ name: 'term', value: 'reassurance' }, { name: 'visibility', value: 'public' }]))).body as CallbackBody;
    const next = buttonsOf(asked.data).find((b) => b.label.startsWith('Page 2'))!;
    const second = (await click(next.custom_id, asked.data, false).callback).body as CallbackBody;
    expect(second.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(buttonsOf(second.data).map((b) => b.label)).not.toContain('Post to channel');
  });

  it.each([['garbled', '{not json'], ['foreign', 'some-other-bot:click'], ['wrong shape', '["lx1","explode","define",{}]']])(
    'answers a %s custom_id with a clear private message',
    async (_name, customId) => {
      const body = (await click(customId, undefined).callback).body as CallbackBody;
      expect(body.type).toBe(4);
      expect(body.data?.flags).toBe(EPHEMERAL);
      expect(body.data?.content).toContain('not one I recognise');
      expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    },
  );
});
