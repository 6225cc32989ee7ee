/**
 * The one-shot CLI's `settings …` and `stats …` (over the team's store) in the pseudo-locale en-XA:
 * their answers and every usage error leave nothing of ours unmarked once the data is taken out (the
 * settings table's names and words, the CLI's option names, the entries' names, the recorded
 * queries, the ids typed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReplyForTerminal } from '../../src/adapters/console/render.js';
import { runStorageCommand } from '../../src/cli-storage.js';
import { parseConfig } from '../../src/config.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { silentLogger } from '../../src/core/logger.js';
import { SETTINGS } from '../../src/core/settings.js';
import { openStore } from '../../src/storage/open.js';
import { PSEUDO_LOCALE } from '../../src/i18n/locale.js';
import { sharedLexicon } from '../adapters/slack/harness.js';
import { unmarked } from './pseudo-check.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lexicon-cli-storage-surfaces-'));
let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await sharedLexicon();
  const store = await openStore({ dataDir });
  const row = { at: Date.now(), surface: 'discord', workspaceId: 'G1', channelId: 'C1', userId: null, command: 'define', replyKind: 'definition', suggestions: 0, latencyMs: 1 };
  await store.recordLookups([
    { ...row, query: 'trust', entryId: 'trust' },
    { ...row, query: 'xyzzy', entryId: null, replyKind: 'no-match' },
  ]);
  await store.close();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// The period notation (30d, 12w, 24h) is the same in every language.
const TYPED = ['30d, 12w, 24h', 'G1', 'C1', 'U1', 'trust', 'xyzzy', 'colour', 'fr', 'bogus', 'discord', 'slack', 'console'];
const dataWords = () => [
  ...TYPED,
  'on',
  'off',
  'stats',
  'settings',
  ...SETTINGS.flatMap((setting) => [setting.name, ...setting.choices.map((choice) => choice.word)]),
  ...lexicon.entries.map((entry) => entry.term),
];

describe('the CLI’s settings and stats go through the catalog (pseudo-locale en-XA)', () => {
  it('leaves nothing of ours unmarked in their answers and usage errors', async () => {
    const config = parseConfig({ DATA_DIR: dataDir });
    const lines = [
      ['stats'],
      ['stats', '--discord', 'G1'],
      ['stats', '--since', 'soon'],
      ['stats', '--limit', '0'],
      ['stats', 'extra'],
      ['stats', '--bogus', 'x'],
      ['settings', 'show'],
      ['settings', 'set', 'language', 'ja', '--discord', 'G1', '--channel', 'C1'],
      ['settings', 'clear', 'language', '--discord', 'G1', '--user', 'U1'],
      ['settings', 'set', 'language', 'fr'],
      ['settings', 'clear', 'colour'],
      ['settings', 'wave'],
      ['settings', 'show', '--bogus', 'x'],
    ];
    const problems: string[] = [];
    for (const argv of lines) {
      const { reply } = await runStorageCommand(argv, config, lexicon, silentLogger, PSEUDO_LOCALE);
      expect(reply.locale, argv.join(' ')).toBe(PSEUDO_LOCALE);
      const left = unmarked(renderReplyForTerminal(reply, { color: false, width: 100, followUpHints: false }), [...dataWords(), ...argv]);
      if (left.length > 0) problems.push(`${argv.join(' ')}: ${left.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers in Japanese when the reader reads Japanese', async () => {
    const config = parseConfig({ DATA_DIR: dataDir });
    const { reply, code } = await runStorageCommand(['stats', '--limit', '0'], config, lexicon, silentLogger, 'ja');
    expect(code).toBe(2);
    expect(reply.title).toBe('使い方の誤り');
  });
});
