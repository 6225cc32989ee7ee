/**
 * The web reading room: how long each page takes to render (the HTML string, in-process) and to
 * serve (an HTTP GET on loopback with keep-alive, access check included), and how big it is, beside
 * a bare Hono app sending the same bytes from memory.
 * Run alone with `node --import tsx src/bench/web-bench.ts`, or as part of `npm run bench`.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { loadLexicon } from '../core/load-lexicon.js';
import type { Lexicon } from '../core/lexicon.js';
import { createWebApp, readingRoomUrl, startWebServer, type WebSettings } from '../web/index.js';
import { renderEntryPage } from '../web/pages/entry.js';
import { renderHomePage } from '../web/pages/home.js';
import { renderSearchPage, WEB_SEARCH_LIMIT } from '../web/pages/search.js';

const SEARCHES = ['strategic trust', 'south china sea', 'security dilemma', '同理心', 'reassurance'];
/** Rounds over every page; WEB_BENCH_RENDER_ROUNDS / WEB_BENCH_HTTP_ROUNDS make a quick check cheaper. */
const RENDER_ROUNDS = Number(process.env.WEB_BENCH_RENDER_ROUNDS ?? 200);
const HTTP_ROUNDS = Number(process.env.WEB_BENCH_HTTP_ROUNDS ?? 100);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface PageCase {
  name: string;
  path: string;
  render: () => string;
}

function pageCases(lexicon: Lexicon): PageCase[] {
  return [
    { name: 'home', path: '/', render: () => renderHomePage(lexicon) },
    ...lexicon.entries.map((entry) => ({ name: `entry ${entry.id}`, path: `/entries/${entry.id}`, render: () => renderEntryPage(lexicon, entry) })),
    ...SEARCHES.map((query) => ({ name: `search ${query}`, path: `/search?q=${encodeURIComponent(query)}`, render: () => renderSearchPage(lexicon, query) })),
  ];
}

/** Per-page medians; p50 and p99 over every sample of a kind. */
function report(label: string, samplesByPage: Map<string, number[]>): void {
  const kinds = new Map<string, { all: number[]; medians: number[] }>();
  for (const [name, samples] of samplesByPage) {
    const kind = name.split(' ')[0] ?? name;
    const bucket = kinds.get(kind) ?? { all: [], medians: [] };
    const sorted = [...samples].sort((a, b) => a - b);
    bucket.all.push(...sorted);
    bucket.medians.push(percentile(sorted, 50));
    kinds.set(kind, bucket);
  }
  for (const [kind, { all, medians }] of kinds) {
    all.sort((a, b) => a - b);
    medians.sort((a, b) => a - b);
    console.log(
      `${`${label} ${kind}`.padEnd(22)} ${String(all.length).padStart(6)} ${percentile(all, 50).toFixed(3).padStart(9)} ${percentile(all, 99).toFixed(3).padStart(9)} ${percentile(medians, 99).toFixed(3).padStart(12)} ${all[all.length - 1]!.toFixed(3).padStart(9)}`,
    );
  }
}

/** Print page sizes, render and serve latencies. */
export async function run(): Promise<void> {
  console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} (1, 5, 15 min) on ${cpus().length} CPUs`);
  const lexicon = await loadLexicon();
  const cases = pageCases(lexicon);
  for (const page of cases) page.render(); // untimed: see-also, the paragraph index, JIT

  console.log('page sizes (bytes of HTML; gzip -6):');
  let largest = { name: '', bytes: 0 };
  for (const page of cases) {
    const html = page.render();
    const bytes = Buffer.byteLength(html);
    if (bytes > largest.bytes) largest = { name: page.name, bytes };
    if (page.name === 'home' || page.name.startsWith('search ') || bytes > 30_000) {
      console.log(`  ${page.name.padEnd(40)} ${String(bytes).padStart(7)} ${String(gzipSync(html).length).padStart(7)}`);
    }
  }
  console.log(`  largest: ${largest.name}, ${largest.bytes} bytes (limit 100,000); stylesheet and script are separate, cached files`);

  console.log(`${'pages'.padEnd(22)} ${'n'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'p99 of med.'.padStart(12)} ${'max ms'.padStart(9)}`);
  const renders = new Map<string, number[]>(cases.map((page) => [page.name, []]));
  for (let round = 0; round < RENDER_ROUNDS; round++) {
    for (const page of cases) {
      const t0 = performance.now();
      page.render();
      renders.get(page.name)!.push(performance.now() - t0);
    }
  }
  report('render', renders);
  // As the server renders entries: the body once, the head per request.
  const bodies = new Map();
  const cachedRenders = new Map<string, number[]>(lexicon.entries.map((entry) => [`entry ${entry.id}`, []]));
  for (let round = 0; round < RENDER_ROUNDS; round++) {
    for (const entry of lexicon.entries) {
      const t0 = performance.now();
      renderEntryPage(lexicon, entry, {}, bodies);
      cachedRenders.get(`entry ${entry.id}`)!.push(performance.now() - t0);
    }
  }
  report('render (body kept)', cachedRenders);
  // What the search page spends in the core's passage search (src/search/), which it calls as is.
  const coreSearch = new Map<string, number[]>(SEARCHES.map((query) => [`core-search ${query}`, []]));
  for (let round = 0; round < RENDER_ROUNDS; round++) {
    for (const query of SEARCHES) {
      const t0 = performance.now();
      lexicon.search.passages(query, WEB_SEARCH_LIMIT);
      coreSearch.get(`core-search ${query}`)!.push(performance.now() - t0);
    }
  }
  report('of which', coreSearch);

  // Served over HTTP with a signed link, beside a bare Hono app answering the same bytes.
  const settings: WebSettings = { access: 'token', secret: Buffer.from('bench-secret-of-at-least-thirty-two-chars'), ephemeralSecret: false, publicUrl: '', linkTtlMs: 3_600_000 };
  const ours = await startWebServer(createWebApp({ lexicon, settings }), 0, '127.0.0.1');
  settings.publicUrl = `http://127.0.0.1:${ours.port}`;
  const canned = new Map(cases.map((page) => [page.path, page.render()]));
  const bareApp = new Hono();
  bareApp.get('*', (c) => c.html(canned.get(c.req.path + (new URL(c.req.url).search)) ?? canned.get(c.req.path) ?? ''));
  const bare = await startWebServer(bareApp, 0, '127.0.0.1');
  try {
    const served = new Map<string, number[]>();
    const bareServed = new Map<string, number[]>();
    for (let round = 0; round < HTTP_ROUNDS; round++) {
      for (const page of cases) {
        const [pathname, search] = page.path.split('?');
        const url = new URL(readingRoomUrl(settings, pathname ?? '/'));
        for (const [name, value] of new URLSearchParams(search ?? '')) url.searchParams.set(name, value);
        let t0 = performance.now();
        const response = await fetch(url);
        await response.text();
        if (response.status !== 200) throw new Error(`${page.path}: HTTP ${response.status}`);
        served.set(page.name, [...(served.get(page.name) ?? []), performance.now() - t0]);
        t0 = performance.now();
        await (await fetch(`http://127.0.0.1:${bare.port}${page.path}`)).text();
        bareServed.set(page.name, [...(bareServed.get(page.name) ?? []), performance.now() - t0]);
      }
    }
    report('served', served);
    report('bare Hono', bareServed);
  } finally {
    await ours.close();
    await bare.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
