/**
 * `npm run bench`: every benchmark of the project in one run, each printing its own figures.
 * Benchmarks are not tests: they measure and print, they do not assert.
 */
import { loadConfiguration, reportStartupFailure } from '../startup.js';

try {
  // The same start-up path as the bot: benchmarks run under the configuration they would serve with.
  loadConfiguration();
} catch (error) {
  process.exit(reportStartupFailure(error));
}

const benches: { name: string; load: () => Promise<{ run: () => Promise<void> }> }[] = [
  { name: 'commands (define and search through the dispatcher)', load: () => import('./commands-bench.js') },
  { name: 'evaluation set (accuracy by category, latency by command)', load: () => import('./eval-bench.js') },
  { name: 'search', load: () => import('./search-bench.js') },
  { name: 'cold start (CLI and console)', load: () => import('./cli-bench.js') },
  { name: 'idle memory (RSS) of an instance in each mode', load: () => import('./rss-bench.js') },
  { name: 'discord (interaction-to-callback latency)', load: () => import('./discord-bench.js') },
  { name: 'slack (signed /define vs a bare Bolt app)', load: () => import('./slack-bench.js') },
  { name: 'web reading room (page render and serve, page sizes)', load: () => import('./web-bench.js') },
  { name: 'storage (each engine: open, writes, start-up, answers with recording on and off)', load: () => import('./storage-bench.js') },
  { name: 'many instances (Discord HTTP endpoint vs a bare one; claims of deliveries in each store)', load: () => import('./instances-bench.js') },
];

for (const bench of benches) {
  console.log(`\n=== ${bench.name} ===`);
  const module = await bench.load();
  await module.run();
}
