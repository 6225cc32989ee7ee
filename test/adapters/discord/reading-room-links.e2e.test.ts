/**
 * From chat to the page: Discord answers link to the exact place they quote in the web reading
 * room (the embed's title; a "Read in full" list for search results), and the links open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphAnchors } from '../../../src/core/anchors.js';
import { buttonClick, slashCommand, type InteractionPlace } from '../../fakes/discord/payloads.js';
import { buttonsOf, realLexicon, startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';
import { serveReadingRoom, type ServedReadingRoom } from '../../web/helpers.js';

describe('Discord answers carry reading-room links', () => {
  let room: ServedReadingRoom;
  let running: RunningBot;
  let guild: InteractionPlace;
  beforeAll(async () => {
    room = await serveReadingRoom();
    running = await startBot({ readingRoom: room.settings }, { guilds: [{ id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101', threadId: '1100000000000000201' }] });
    guild = { kind: 'guild', guild: running.fake.guilds[0]!, thread: true };
  });
  afterAll(async () => {
    await running?.stop();
    await room?.server.close();
  });

  const slash = async (name: string, options: { name: string; value: string | number }[]) =>
    (await running.ask(slashCommand(running.fake.applicationId, guild, name, options))).body as CallbackBody;

  it('/define links its title to the paragraph it quotes, and the link opens that page', async () => {
    const lexicon = await realLexicon();
    const embed = (await slash('define', [{ name: 'term', value: 'trust' }])).data!.embeds![0]!;
    const anchor = paragraphAnchors(lexicon.entry('trust')!)[0]![1]!; // the lead: "One recurring approach defines …"
    expect(embed.url).toMatch(new RegExp(`^${room.base}/entries/trust\\?t=\\d+\\.[\\w-]{43}#${anchor}$`));
    const page = await fetch(embed.url!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`id="${anchor}"`);
  });

  it('/define of a section links to that section’s paragraph', async () => {
    const embed = (await slash('define', [{ name: 'term', value: 'confidence' }])).data!.embeds![0]!;
    expect(embed.url).toMatch(/\/entries\/empathy\?t=[^#]+#confidence-p-[0-9a-f]{6}$/);
  });

  it('/search lists every result with a link to its paragraph', async () => {
    const embed = (await slash('search', [{ name: 'query', value: 'strategic trust' }])).data!.embeds![0]!;
    const read = embed.fields?.find((field) => field.name === 'Read in full');
    expect(read).toBeDefined();
    const links = [...read!.value.matchAll(/\]\((http[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link).toMatch(/\/entries\/[a-z0-9-]+\?t=[^#]+#[a-z0-9-]+-p-[0-9a-f]{6}$/);
    expect((await fetch(links[0]!)).status).toBe(200);
  });

  it('a shared excerpt (Post to channel) keeps the link', async () => {
    const asked = await slash('define', [{ name: 'term', value: 'empathy' }]);
    const share = buttonsOf(asked.data).find((b) => b.label === 'Post to channel')!;
    const interaction = buttonClick(running.fake.applicationId, guild, share.custom_id, { embeds: asked.data?.embeds ?? [], components: asked.data?.components ?? [], ephemeral: true });
    await running.ask(interaction);
    const followUp = await running.fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${running.fake.applicationId}/${interaction.token}`);
    const embed = (followUp.body as NonNullable<CallbackBody['data']>).embeds![0]!;
    expect(embed.url).toMatch(/\/entries\/empathy\?t=[^#]+#empathy-p-[0-9a-f]{6}$/);
  });
});
