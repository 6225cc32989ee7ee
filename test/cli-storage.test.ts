import { beforeAll, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { runStorageCommand } from '../src/cli-storage.js';
import { silentLogger } from '../src/core/logger.js';
import type { Lexicon } from '../src/core/lexicon.js';
import { blocksOf, type Reply } from '../src/core/reply.js';
import { sparkline, parseSince } from '../src/core/stats-view.js';
import { openStore } from '../src/storage/open.js';
import { loadLexicon } from '../src/core/load-lexicon.js';
import { describeEachEngine } from './support/engines.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

const DAY = 86_400_000;

function factOf(reply: Reply, label: string): string | undefined {
  return blocksOf(reply, 'facts').flatMap((block) => block.facts).find((fact) => fact.label === label)?.value;
}

it('draws a sparkline scaled to the busiest day, empty days as the lowest bar', () => {
  expect(sparkline([0, 1, 2, 4, 8])).toBe('▁▂▃▅█');
  expect(sparkline([0, 0])).toBe('▁▁');
});

it('reads --since as days, weeks, hours or a date', () => {
  const now = Date.UTC(2026, 11, 1);
  expect(parseSince('30d', now)).toBe(now - 30 * DAY);
  expect(parseSince('2w', now)).toBe(now - 14 * DAY);
  expect(parseSince('2026-11-01', now)).toBe(Date.UTC(2026, 10, 1));
  expect(parseSince('soon', now)).toBeUndefined();
});

describeEachEngine('npm run lexicon -- stats / settings', (engine) => {
  it('lists the most looked-up entries and terms and what found nothing, for one server or every surface', async () => {
    const options = await engine.freshOptions();
    const config = parseConfig({ DATA_DIR: options.dataDir ?? '', DATABASE_URL: options.databaseUrl ?? '' });
    const store = await openStore(options);
    const row = { at: Date.now(), surface: 'discord', workspaceId: 'G1', channelId: 'C1', userId: null, command: 'define', replyKind: 'definition', suggestions: 0, latencyMs: 1 };
    await store.recordLookups([
      { ...row, query: 'trust', entryId: 'trust' },
      { ...row, query: 'trust', entryId: 'trust' },
      { ...row, query: 'xyzzy', entryId: null, replyKind: 'no-match' },
      { ...row, query: 'old', entryId: 'trust', at: Date.now() - 60 * DAY },
      { ...row, surface: 'slack', workspaceId: 'T1', query: 'empathy', entryId: 'empathy' },
    ]);
    await store.close();

    const all = await runStorageCommand(['stats'], config, lexicon, silentLogger);
    expect(all.code).toBe(0);
    expect(all.reply.title).toBe('What people looked for: every surface, last 31 days');
    const tables = Object.fromEntries(all.reply.blocks.flatMap((part) => (part.kind === 'table' ? [[part.caption, part.rows]] : [])));
    expect(tables['Most looked-up entries']).toEqual([['Trust', '2'], ['Empathy', '1']]);
    expect(tables['Found nothing (what the lexicon lacks)']).toEqual([['xyzzy', '1']]);
    expect(all.reply.blocks[0]).toMatchObject({ kind: 'text', text: [expect.stringMatching(/^4 lookups\. Per day, .*▁+█/)] });

    const oneServer = await runStorageCommand(['stats', '--discord', 'G1', '--since', '90d'], config, lexicon, silentLogger);
    expect(oneServer.reply.blocks[0]).toMatchObject({ text: [expect.stringMatching(/^4 lookups/)] });

    const bad = await runStorageCommand(['stats', '--since', 'yesterday'], config, lexicon, silentLogger);
    expect(bad.code).toBe(2);
  });

  it('sets, shows and clears settings in the store the bot reads', async () => {
    const options = await engine.freshOptions();
    const config = parseConfig({ DATA_DIR: options.dataDir ?? '', DATABASE_URL: options.databaseUrl ?? '' });
    const set = await runStorageCommand(['settings', 'set', 'language', 'Japanese', '--discord', 'G1', '--channel', 'C1'], config, lexicon, silentLogger);
    expect(set.code).toBe(0);
    expect(factOf(set.reply, 'language')).toBe('ja');

    const store = await openStore(options);
    expect(await store.getSettings({ kind: 'channel', platform: 'discord', workspaceId: 'G1', channelId: 'C1' })).toEqual({ language: 'ja' });
    await store.close();

    const cleared = await runStorageCommand(['settings', 'clear', 'language', '--discord', 'G1', '--channel', 'C1'], config, lexicon, silentLogger);
    expect(factOf(cleared.reply, 'language')).toBe('not set (inherited)');

    const wrong = await runStorageCommand(['settings', 'set', 'citation', 'mla'], config, lexicon, silentLogger);
    expect(wrong.code).toBe(2);
    expect(wrong.reply.blocks[0]).toMatchObject({ text: [expect.stringContaining('citation is chicago or apa.')] });
  });
});
