/**
 * Many instances: what serving over HTTP and sharing the store cost.
 * - Discord's HTTP interactions endpoint: a signed `/define` (and autocomplete) POSTed on loopback to
 *   the answer in the response, beside a bare node:http endpoint that checks the same Ed25519
 *   signature and answers a fixed message (the least any endpoint must do), interleaved so that
 *   machine load hits both alike; p50/p99 of each and the ratio.
 * - A delivery's claim in the store (what every Slack event and Discord interaction pays so that two
 *   instances never both answer): µs per claim on SQLite and on PostgreSQL (DATABASE_URL, or a
 *   temporary local server; skipped, saying so, when none starts).
 * Run alone: `node --import tsx src/bench/instances-bench.ts [samples]` (default 1000), or `npm run bench`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInteractionsEndpoint, INTERACTIONS_PATH } from '../adapters/discord/http-interactions.js';
import { discordPublicKey, verifyDiscordSignature } from '../adapters/discord/signature.js';
import { InMemoryEventDeduper } from '../core/event-dedupe.js';
import { loadLexicon } from '../core/load-lexicon.js';
import { silentLogger } from '../core/logger.js';
import { openStore } from '../storage/open.js';
import { startTempPostgres } from '../storage/temp-postgres.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { applicationKeys, discordSignatureHeaders, postInteraction } from '../../fakes/discord/http-sender.js';
import { autocomplete, slashCommand } from '../../fakes/discord/payloads.js';

const TERMS = ['empathy', 'trust', 'self-restraint', 'CBMs', 'reasurance', 'empathey', '同理心', 'confidence'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * (sorted.length - 1)))] ?? Number.NaN;
}
const fmt = (ms: number) => ms.toFixed(3);

/** A bare endpoint: the signature check and a fixed answer, nothing else. */
function bareEndpoint(publicKeyHex: string): Promise<{ server: Server; url: string }> {
  const key = discordPublicKey(publicKeyHex);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const ok = verifyDiscordSignature(key, req.headers['x-signature-ed25519'] as string | undefined, req.headers['x-signature-timestamp'] as string | undefined, body);
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? '{"type":4,"data":{"content":"A fixed answer."}}' : '{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${INTERACTIONS_PATH}` })));
}

async function endpointLatency(samples: number): Promise<void> {
  const fake = await FakeDiscord.start({ guilds: [{ id: '1100000000000000001', name: 'Bench', channelId: '1100000000000000101' }], record: false });
  const keys = applicationKeys();
  const endpoint = createInteractionsEndpoint({ publicKey: keys.publicKeyHex, lexicon: await loadLexicon(), logger: silentLogger, deduper: new InMemoryEventDeduper(), rest: { api: fake.apiUrl } });
  const ours = `http://127.0.0.1:${await endpoint.listen(0, '127.0.0.1')}${INTERACTIONS_PATH}`;
  const bare = await bareEndpoint(keys.publicKeyHex);
  const place = { kind: 'guild' as const, guild: fake.guilds[0]! };
  const kinds: { name: string; make: (i: number) => object }[] = [
    { name: '/define', make: (i) => slashCommand(fake.applicationId, place, 'define', [{ name: 'term', value: TERMS[i % TERMS.length]! }]) },
    { name: 'autocomplete', make: (i) => autocomplete(fake.applicationId, place, 'define', [{ name: 'term', value: TERMS[i % TERMS.length]!.slice(0, 4), focused: true }]) },
  ];
  const send = async (url: string, interaction: object) => {
    const body = JSON.stringify(interaction);
    const headers = discordSignatureHeaders(keys.privateKey, body);
    const start = performance.now();
    const response = await postInteraction(url, body, headers);
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return performance.now() - start;
  };
  console.log(`Discord HTTP endpoint, ${samples} signed requests each on loopback (request to response), interleaved with a bare endpoint (signature check + fixed answer):`);
  for (const kind of kinds) {
    for (let i = 0; i < 100; i += 1) await send(ours, kind.make(i)); // warm-up
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      oursMs.push(await send(ours, kind.make(i)));
      bareMs.push(await send(bare.url, kind.make(i)));
    }
    oursMs.sort((a, b) => a - b);
    bareMs.sort((a, b) => a - b);
    const [p50, p99, b50, b99] = [percentile(oursMs, 50), percentile(oursMs, 99), percentile(bareMs, 50), percentile(bareMs, 99)];
    console.log(`  ${kind.name.padEnd(13)} ours p50 ${fmt(p50)} ms p99 ${fmt(p99)} ms | bare p50 ${fmt(b50)} ms p99 ${fmt(b99)} ms | ratio p50 ${(p50 / b50).toFixed(2)}× p99 ${(p99 / b99).toFixed(2)}×`);
  }
  bare.server.close();
  await endpoint.close();
  await fake.stop();
}

async function claimCost(samples: number): Promise<void> {
  console.log(`Claims of a delivery in the store (${samples} fresh ids, one at a time, and the same id again):`);
  const dataDir = mkdtempSync(join(tmpdir(), 'lexicon-claims-'));
  const engines: { name: string; options: () => Promise<{ dataDir?: string; databaseUrl?: string }>; done?: () => Promise<void> }[] = [{ name: 'sqlite', options: async () => ({ dataDir }) }];
  try {
    const given = process.env.DATABASE_URL;
    const server = given ? undefined : await startTempPostgres();
    engines.push({ name: 'postgresql', options: async () => ({ databaseUrl: given ?? server!.url }), done: async () => server?.stop() });
  } catch (error) {
    console.log(`  postgresql skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const engine of engines) {
    const store = await openStore(await engine.options());
    const run = `${process.pid}-${Date.now()}`;
    const fresh: number[] = [];
    const again: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      let start = performance.now();
      await store.claimEvent(`bench:${run}:${i}`, 600_000);
      fresh.push((performance.now() - start) * 1000);
      start = performance.now();
      await store.claimEvent(`bench:${run}:${i}`, 600_000);
      again.push((performance.now() - start) * 1000);
    }
    fresh.sort((a, b) => a - b);
    again.sort((a, b) => a - b);
    console.log(`  ${engine.name.padEnd(10)} first claim p50 ${percentile(fresh, 50).toFixed(0)} µs p99 ${percentile(fresh, 99).toFixed(0)} µs | repeated claim p50 ${percentile(again, 50).toFixed(0)} µs p99 ${percentile(again, 99).toFixed(0)} µs`);
    await store.close();
    await engine.done?.();
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** Run both measurements (`npm run bench` calls this). */
export async function run(samples = 1000): Promise<void> {
  await endpointLatency(samples);
  await claimCost(samples);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run(Number(process.argv[2] ?? 1000));
