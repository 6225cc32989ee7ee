/**
 * End to end through the real discord.js Client and a fake Discord on 127.0.0.1: slash commands,
 * autocomplete and the context menu, in a guild channel, a thread, a DM and as a user-installed app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeActionState } from '../../../src/core/action-state.js';
import { SOURCE_CAVEAT } from '../../../src/core/reply.js';
import { autocomplete, messageContextMenu, slashCommand, type InteractionPlace } from '../../../fakes/discord/payloads.js';
import { buttonsOf, startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';

const EPHEMERAL = 64;

describe('Discord adapter: commands', () => {
  let running: RunningBot;
  let guild: InteractionPlace;
  beforeAll(async () => {
    running = await startBot({}, { guilds: [{ id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101', threadId: '1100000000000000201' }] });
    guild = { kind: 'guild', guild: running.fake.guilds[0]! };
  });
  afterAll(async () => {
    await running.stop();
  });

  const slash = async (name: string, options: { name: string; value: string | number }[], place: InteractionPlace = guild) => {
    const callback = await running.ask(slashCommand(running.fake.applicationId, place, name, options));
    return callback.body as CallbackBody;
  };

  it('logs in with the Guilds intent only and sees its guild', () => {
    const identify = running.fake.gatewayLog.find((entry) => entry.op === 'identify');
    expect(identify).toBeDefined();
    expect(running.bot.client.guilds.cache.has('1100000000000000001')).toBe(true);
    expect(running.bot.client.options.intents.toArray()).toEqual(['Guilds']);
  });

  it('/define answers privately with the author’s own words, the author, the caveat and buttons', async () => {
    const body = await slash('define', [{ name: 'term', value: 'empathy' }]);
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toBe('Empathy');
    expect(embed.description).toMatch(/^> Empathy is the capacity to see the world from another’s perspective\./);
    expect(embed.author?.name).toContain('David A. Welch');
    expect(embed.footer?.text).toContain(SOURCE_CAVEAT);
    const labels = buttonsOf(body.data).map((b) => b.label);
    expect(labels[0]).toBe('Post to channel');
    expect(labels.some((label) => label.startsWith('Sources'))).toBe(true);
  });

  it('/define with visibility public posts for everyone, without a Post to channel button', async () => {
    const body = await slash('define', [{ name: 'term', value: 'trust' }, { name: 'visibility', value: 'public' }]);
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data!.embeds![0]!.title).toBe('Trust');
    expect(buttonsOf(body.data).map((b) => b.label)).not.toContain('Post to channel');
  });

  it('/translate lists the recorded renderings with where the document records them', async () => {
    const body = await slash('translate', [{ name: 'term', value: 'trust' }, { name: 'language', value: 'zh' }]);
    expect(body.data?.flags).toBe(EPHEMERAL);
    const fields = body.data!.embeds![0]!.fields ?? [];
    const mandarin = fields.filter((f) => f.name.includes('trust'));
    expect(mandarin.map((f) => f.value).join('\n')).toContain('信任 (XinRen)');
    expect(mandarin.every((f) => f.value.includes('Source:'))).toBe(true);
    expect(fields.some((f) => f.name.startsWith('Japanese'))).toBe(false);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('/cite gives one footnote with the ways to cite the piece', async () => {
    const body = await slash('cite', [{ name: 'term', value: 'trust' }, { name: 'footnote', value: 28 }]);
    const embed = body.data!.embeds![0]!;
    expect(embed.title).toContain('28');
    expect(embed.description).toContain('Chicago:');
    expect(embed.description).toContain('APA:');
    expect(JSON.stringify(embed.fields)).toContain('xinren and xinlai');
    expect(embed.footer?.text).toContain('Not for citation or wide circulation');
    expect(body.data?.flags).toBe(EPHEMERAL);
  });

  it('/search shows passages with the matched words in bold', async () => {
    const body = await slash('search', [{ name: 'query', value: 'south china sea' }]);
    const description = body.data!.embeds![0]!.description!;
    expect(description).toContain('**South** **China** **Sea**');
    expect(description).toContain('James Manicom');
    expect(body.data?.flags).toBe(EPHEMERAL);
  });

  it('/compare puts two definitions side by side', async () => {
    const body = await slash('compare', [{ name: 'first', value: 'confidence' }, { name: 'second', value: 'trust' }]);
    const embed = body.data!.embeds![0]!;
    expect(embed.description).toContain('Empathy › Confidence');
    expect(embed.description).toContain('Empathy › Trust');
    expect(embed.description).toContain('> The OED defines trust');
  });

  it('echoes typed markup back escaped and never pings', async () => {
    const body = await slash('define', [{ name: 'term', value: '@everyone **<@&123>**' }]);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const text = JSON.stringify(body.data!.embeds);
    expect(text).not.toMatch(/(?<!\\)\*\*<@&123>/);
    expect(body.data?.flags).toBe(EPHEMERAL);
  });

  it('works in a thread, in a DM with the bot and as a user-installed app', async () => {
    const places: InteractionPlace[] = [
      { kind: 'guild', guild: running.fake.guilds[0]!, thread: true },
      { kind: 'dm' },
      { kind: 'guild', guild: { id: '1100000000000009999', name: 'Not installed', channelId: '1100000000000009998' }, userInstalled: true },
    ];
    for (const place of places) {
      const body = await slash('define', [{ name: 'term', value: 'reassurance' }], place);
      expect(body.data!.embeds![0]!.title).toBe('Reassurance');
      expect(body.data?.flags).toBe(EPHEMERAL);
    }
  });

  it('autocompletes a typo to the entry it meant, within 25 choices of 100 characters', async () => {
    const callback = await running.ask(autocomplete(running.fake.applicationId, guild, 'define', [{ name: 'term', value: 'empathey', focused: true }]));
    const body = callback.body as CallbackBody;
    expect(body.type).toBe(8);
    const choices = body.data!.choices!;
    expect(choices[0]).toEqual({ name: 'Empathy', value: 'empathy' });
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('autocompletes a CJK query and an acronym', async () => {
    const cjk = await running.ask(autocomplete(running.fake.applicationId, guild, 'translate', [{ name: 'term', value: '同理心', focused: true }]));
    expect((cjk.body as CallbackBody).data!.choices![0]!.value).toBe('empathy');
    const acronym = await running.ask(autocomplete(running.fake.applicationId, guild, 'compare', [{ name: 'first', value: 'empathy' }, { name: 'second', value: 'TBMs', focused: true }]));
    expect((acronym.body as CallbackBody).data!.choices![0]!.value).toBe('trust-building-measures');
  });

  it('autocompletes a 10,000-character paste without failing', async () => {
    const callback = await running.ask(autocomplete(running.fake.applicationId, guild, 'define', [{ name: 'term', value: 'trust '.repeat(1700), focused: true }]));
    const body = callback.body as CallbackBody;
    expect(body.type).toBe(8);
    expect(body.data!.choices!.length).toBeLessThanOrEqual(25);
  });

  it('looks up every lexicon term in a message, privately, with buttons to define or post each', async () => {
    const interaction = messageContextMenu(running.fake.applicationId, guild, 'Look up in lexicon', 'Before the meeting: more empathy, some CBMs and a bit of self-restraint @everyone');
    const body = (await running.ask(interaction)).body as CallbackBody;
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = body.data!.embeds![0]!;
    const lines = embed.description!.split('\n');
    expect(lines.some((line) => line.includes('Empathy') && line.includes('David A. Welch'))).toBe(true);
    // CBMs are not TBMs: the glossary term, spelled out where the document uses it most (5A).
    expect(lines.some((line) => line.includes('CBMs') && line.toLowerCase().includes('confidence'))).toBe(true);
    expect(lines.some((line) => line.includes('Self-Restraint'))).toBe(true);
    const buttons = buttonsOf(body.data);
    const expand = buttons.find((b) => b.label === 'Empathy');
    const post = buttons.find((b) => b.label === 'Post: Empathy');
    expect(decodeActionState(expand!.custom_id)).toEqual({ kind: 'open', request: { command: 'define', options: { term: 'empathy' } } });
    expect(decodeActionState(post!.custom_id)?.kind).toBe('share');
  });

  it('says so when a message holds no lexicon term', async () => {
    const body = (await running.ask(messageContextMenu(running.fake.applicationId, guild, 'Look up in lexicon', 'lunch at noon?'))).body as CallbackBody;
    expect(body.data!.embeds![0]!.title).toBe('No lexicon terms in this message');
    expect(body.data?.flags).toBe(EPHEMERAL);
  });
});
