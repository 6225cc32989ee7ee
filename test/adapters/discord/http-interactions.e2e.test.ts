/**
 * Discord without a gateway: the HTTP interactions endpoint, signed as Discord signs (an Ed25519 key
 * pair made here), answering commands, autocomplete and buttons in the response body, with
 * follow-ups through the REST API of the fake Discord. No gateway connection is made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInteractionsEndpoint, INTERACTIONS_PATH, type InteractionsEndpoint } from '../../../src/adapters/discord/http-interactions.js';
import { InMemoryEventDeduper } from '../../../src/core/event-dedupe.js';
import { FakeDiscord } from '../../../fakes/discord/fake-discord.js';
import { applicationKeys, DiscordHttpSender, discordSignatureHeaders, postInteraction, type ApplicationKeys } from '../../../fakes/discord/http-sender.js';
import { autocomplete, buttonClick, messageContextMenu, slashCommand, type InteractionPlace } from '../../../fakes/discord/payloads.js';
import { buttonsOf, realLexicon, recordingLogger, type CallbackBody } from '../../fakes/discord/harness.js';

const EPHEMERAL = 64;
const CALLBACK_PONG = 1;
const CALLBACK_MESSAGE = 4;
const CALLBACK_DEFERRED_UPDATE = 6;
const CALLBACK_UPDATE_MESSAGE = 7;
const CALLBACK_AUTOCOMPLETE = 8;

describe('Discord HTTP interactions endpoint', () => {
  let fake: FakeDiscord;
  let keys: ApplicationKeys;
  let endpoint: InteractionsEndpoint;
  let url: string;
  let sender: DiscordHttpSender;
  let place: InteractionPlace;
  const logger = recordingLogger();

  beforeAll(async () => {
    fake = await FakeDiscord.start({ guilds: [{ id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101' }] });
    place = { kind: 'guild', guild: fake.guilds[0]! };
    keys = applicationKeys();
    endpoint = createInteractionsEndpoint({
      publicKey: keys.publicKeyHex,
      lexicon: await realLexicon(),
      logger,
      deduper: new InMemoryEventDeduper(),
      rest: { api: fake.apiUrl, globalRequestsPerSecond: 100_000 },
    });
    const port = await endpoint.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${port}${INTERACTIONS_PATH}`;
    sender = new DiscordHttpSender(url, keys);
  });
  afterAll(async () => {
    await endpoint?.close();
    await fake?.stop();
  });

  const app = () => fake.applicationId;
  const define = async (term: string) => (await sender.send(slashCommand(app(), place, 'define', [{ name: 'term', value: term }]))).body as CallbackBody;

  it('answers a PING with a PONG (type 1), as Discord checks when the URL is saved', async () => {
    const response = await sender.send({ id: '1', application_id: app(), type: 1, token: 'ping', version: 1 });
    expect(response).toEqual({ status: 200, body: { type: CALLBACK_PONG } });
  });

  it('refuses with 401 a request with no signature, a signature by another key, or a body changed after signing', async () => {
    const body = JSON.stringify({ id: '2', application_id: app(), type: 1, token: 'ping', version: 1 });
    expect((await postInteraction(url, body, {})).status).toBe(401);
    expect((await postInteraction(url, body, { 'x-signature-timestamp': '1700000000' })).status).toBe(401);
    expect((await postInteraction(url, body, discordSignatureHeaders(applicationKeys().privateKey, body))).status).toBe(401);
    const signed = discordSignatureHeaders(keys.privateKey, body);
    expect((await postInteraction(url, body.replace('"type":1', '"type":2'), signed)).status).toBe(401);
    expect((await postInteraction(url, body, { ...signed, 'x-signature-ed25519': 'zz' })).status).toBe(401);
    expect((await postInteraction(url, body, signed)).status).toBe(200);
    expect(logger.lines.some((line) => line.includes('refused with 401'))).toBe(true);
  });

  it('answers 400 to a signed body that is not an interaction', async () => {
    for (const body of ['{not json', '[]', JSON.stringify({ id: 'x', type: 2 })]) {
      expect((await postInteraction(url, body, discordSignatureHeaders(keys.privateKey, body))).status, body).toBe(400);
    }
  });

  it('answers a slash command in the response body: the same private definition as over the gateway', async () => {
    const answer = await define('empathy');
    expect(answer.type).toBe(CALLBACK_MESSAGE);
    expect(answer.data?.flags).toBe(EPHEMERAL);
    expect(answer.data?.allowed_mentions).toEqual({ parse: [] });
    expect(answer.data!.embeds![0]!.title).toContain('Empathy');
    expect(buttonsOf(answer.data).map((button) => button.label)).toContain('Post to channel');
    // Nothing went to Discord's REST API for it: the response was the answer.
    expect(fake.requests.filter((request) => request.path.startsWith('/interactions/'))).toEqual([]);
  });

  it('answers autocomplete with choices from the core search', async () => {
    const response = await sender.send(autocomplete(app(), place, 'define', [{ name: 'term', value: 'empa', focused: true }]));
    const body = response.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(CALLBACK_AUTOCOMPLETE);
    expect(body.data.choices[0]?.name).toContain('Empathy');
  });

  it('pages with Next through the one button path (update in place)', async () => {
    const asked = await define('threat-perception-gap');
    const next = buttonsOf(asked.data).find((button) => button.label.startsWith('Page 2'))!;
    const click = buttonClick(app(), place, next.custom_id, { embeds: asked.data?.embeds ?? [], components: asked.data?.components ?? [] });
    const second = (await sender.send(click)).body as CallbackBody;
    expect(second.type).toBe(CALLBACK_UPDATE_MESSAGE);
    expect(second.data!.embeds![0]!.footer?.text).toMatch(/^Page 2 of/);
  });

  it('Post to channel: acknowledged in the response, posted and edited through the REST API with the interaction token', async () => {
    const asked = await define('empathy');
    const share = buttonsOf(asked.data).find((button) => button.label === 'Post to channel')!;
    const click = buttonClick(app(), place, share.custom_id, { embeds: asked.data?.embeds ?? [], components: asked.data?.components ?? [] });
    const acknowledged = (await sender.send(click)).body as CallbackBody;
    expect(acknowledged.type).toBe(CALLBACK_DEFERRED_UPDATE);
    const posted = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${app()}/${click.token}`);
    expect((posted.body as NonNullable<CallbackBody['data']>).embeds![0]!.description).toBe(asked.data!.embeds![0]!.description);
    expect(posted.headers.authorization).toBeUndefined();
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${app()}/${click.token}/messages/@original`);
  });

  it('answers the message context menu, and an out-of-date button privately', async () => {
    const lookup = (await sender.send(messageContextMenu(app(), place, 'Look up in lexicon', 'We need empathy and trust.'))).body as CallbackBody;
    expect(lookup.type).toBe(CALLBACK_MESSAGE);
    expect(lookup.data?.flags).toBe(EPHEMERAL);
    const stale = (await sender.send(buttonClick(app(), place, 'v9:nonsense'))).body as CallbackBody;
    expect(stale.type).toBe(CALLBACK_MESSAGE);
    expect(stale.data?.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(stale.data)).toContain('out of date');
  });

  it('answers an interaction delivered twice once: the second delivery gets 409 and no answer', async () => {
    const interaction = slashCommand(app(), place, 'define', [{ name: 'term', value: 'trust' }]);
    const first = await sender.send(interaction);
    const second = await sender.send(interaction);
    expect(first.status).toBe(200);
    expect((first.body as CallbackBody).data!.embeds![0]!.title).toContain('Trust');
    expect(second.status).toBe(409);
  });
});
