/**
 * What goes wrong, end to end: a handler that throws, a rate-limited follow-up, a dropped gateway
 * connection, and interactions that arrive before the lexicon has loaded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../../src/core/lexicon.js';
import { autocomplete, buttonClick, messageContextMenu, slashCommand, type InteractionPlace } from '../../../fakes/discord/payloads.js';
import { buttonsOf, realLexicon, startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';

const EPHEMERAL = 64;

describe('Discord adapter: resilience', () => {
  let running: RunningBot | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  const place = (r: RunningBot): InteractionPlace => ({ kind: 'guild', guild: r.fake.guilds[0]! });

  it('answers a handler that throws with a private "something went wrong" and an error id that is in the log', async () => {
    const lexicon = await realLexicon();
    // A lexicon whose look-ups fail, as a bug under a handler would.
    const explode = (): never => {
      throw new Error('index exploded');
    };
    const failing: Lexicon = {
      ...lexicon,
      entry: explode,
      search: { resolveTerm: explode, suggest: explode, passages: explode, footnotes: explode, termsInText: explode },
    };
    running = await startBot({ lexicon: failing });
    const body = (await running.ask(slashCommand(running.fake.applicationId, place(running), 'define', [{ name: 'term', value: 'empathy' }]))).body as CallbackBody;
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const errorId = /error id (E[A-Z0-9]{5})/.exec(body.data?.content ?? '')?.[1];
    expect(errorId).toBeDefined();
    expect(body.data?.content).not.toContain('index exploded');
    const logged = running.logger.lines.find((line) => line.includes(errorId!));
    expect(logged).toContain('index exploded');
    expect(logged).toContain('"command":"define"');

    // Autocomplete and the context menu fail the same way, and are still answered.
    const suggested = (await running.ask(autocomplete(running.fake.applicationId, place(running), 'define', [{ name: 'term', value: 'emp', focused: true }]))).body as CallbackBody;
    expect(suggested).toEqual({ type: 8, data: { choices: [] } });
    const looked = (await running.ask(messageContextMenu(running.fake.applicationId, place(running), 'Look up in lexicon', 'empathy'))).body as CallbackBody;
    expect(looked.data?.flags).toBe(EPHEMERAL);
    expect(looked.data?.content).toMatch(/Something went wrong.*error id E[A-Z0-9]{5}/);
  });

  it('retries a follow-up that Discord rate-limits (429, retry-after) and still delivers it', async () => {
    running = await startBot();
    const r = running;
    const asked = (await r.ask(slashCommand(r.fake.applicationId, place(r), 'define', [{ name: 'term', value: 'trust' }]))).body as CallbackBody;
    const share = buttonsOf(asked.data).find((b) => b.label === 'Post to channel')!;
    const click = buttonClick(r.fake.applicationId, place(r), share.custom_id, { embeds: asked.data!.embeds!, components: asked.data!.components! });
    const followUpPath = `/webhooks/${r.fake.applicationId}/${click.token}`;
    r.fake.failNext((method, path) => method === 'POST' && path === followUpPath, { retryAfterSeconds: 0.3 });
    await r.ask(click);
    const delivered = await r.fake.waitForRequest((req) => req.path === followUpPath && req.status === 200);
    const attempts = r.fake.requests.filter((req) => req.path === followUpPath);
    expect(attempts.map((req) => req.status)).toEqual([429, 200]);
    expect(delivered.at - attempts[0]!.at).toBeGreaterThanOrEqual(250);
    expect((delivered.body as { embeds: { title: string }[] }).embeds[0]!.title).toBe('Trust');
  });

  it('tells the sharer privately when Discord refuses the public post, leaving their message as it was', async () => {
    running = await startBot();
    const r = running;
    const asked = (await r.ask(slashCommand(r.fake.applicationId, place(r), 'define', [{ name: 'term', value: 'trust' }]))).body as CallbackBody;
    const share = buttonsOf(asked.data).find((b) => b.label === 'Post to channel')!;
    const click = buttonClick(r.fake.applicationId, place(r), share.custom_id, { embeds: asked.data!.embeds!, components: asked.data!.components! });
    const followUpPath = `/webhooks/${r.fake.applicationId}/${click.token}`;
    r.fake.failNext((method, path) => method === 'POST' && path === followUpPath, { status: 403 });
    await r.ask(click);
    const notice = await r.fake.waitForRequest((req) => req.path === followUpPath && req.status === 200);
    const body = notice.body as NonNullable<CallbackBody['data']>;
    expect(body.flags).toBe(EPHEMERAL);
    expect(body.content).toMatch(/Something went wrong.*error id E[A-Z0-9]{5}/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(r.webhookRequests(click).filter((req) => req.method === 'PATCH')).toEqual([]);
  });

  it.each(['drop', 'reconnect'] as const)('resumes the gateway session after a %s and still answers commands', async (how) => {
    running = await startBot();
    const r = running;
    const resumed = new Promise<void>((resolve) => r.bot.client.once('shardResume', () => resolve()));
    r.fake.forceReconnect(0, how);
    await resumed;
    expect(r.fake.gatewayLog.filter((entry) => entry.op === 'resume')).toHaveLength(1);
    expect(r.fake.gatewayLog.filter((entry) => entry.op === 'identify')).toHaveLength(1);
    const body = (await r.ask(slashCommand(r.fake.applicationId, place(r), 'define', [{ name: 'term', value: 'self-restraint' }]))).body as CallbackBody;
    expect(body.data!.embeds![0]!.title).toBe('Self-Restraint');
  });

  it('defers a command that arrives while the lexicon is still loading, then fills in the answer', async () => {
    const lexicon = await realLexicon();
    let release!: () => void;
    const loading = new Promise<Lexicon>((resolve) => (release = () => resolve(lexicon)));
    running = await startBot({ lexicon: loading });
    const r = running;
    const interaction = slashCommand(r.fake.applicationId, place(r), 'define', [{ name: 'term', value: 'empathy' }]);
    const callback = await r.ask(interaction);
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    release();
    const edit = await r.fake.waitForRequest((req) => req.method === 'PATCH' && req.path === `/webhooks/${r.fake.applicationId}/${interaction.token}/messages/@original`);
    const body = edit.body as NonNullable<CallbackBody['data']>;
    expect(body.embeds![0]!.title).toBe('Empathy');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});
