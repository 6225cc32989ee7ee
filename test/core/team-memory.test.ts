import { afterEach, beforeEach, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../../src/core/logger.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { TeamMemory } from '../../src/core/team-memory.js';
import { openStore } from '../../src/storage/open.js';
import { describeEachEngine } from '../support/engines.js';

const DAY = 86_400_000;

describeEachEngine('TeamMemory', (engine) => {
  let memory: TeamMemory;
  beforeEach(async () => {
    memory = new TeamMemory({ store: await openStore(await engine.freshOptions()), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0 });
  });
  afterEach(async () => {
    await memory.close().catch(() => {});
  });

  it('applies the channel setting over the server one, and the server one in its other channels', async () => {
    await memory.setSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G1' }, { language: 'zh', visibility: 'public' });
    await memory.setSettings({ kind: 'channel', platform: 'discord', workspaceId: 'G1', channelId: 'C-ja' }, { language: 'ja' });
    expect(await memory.settingsFor({ platform: 'discord', workspaceId: 'G1', channelId: 'C-ja' })).toMatchObject({ language: 'ja', visibility: 'public' });
    expect(await memory.settingsFor({ platform: 'discord', workspaceId: 'G1', channelId: 'C-other' })).toMatchObject({ language: 'zh', visibility: 'public' });
    expect(await memory.settingsFor({ platform: 'slack', workspaceId: 'G1', channelId: 'C-ja' })).toEqual(DEFAULT_SETTINGS);
  });

  it('purges lookups older than the retention', async () => {
    await memory.store.recordLookups([
      { at: Date.now() - 91 * DAY, surface: 'cli', workspaceId: null, channelId: null, userId: null, command: 'define', query: 'x', replyKind: 'definition', entryId: 'trust', suggestions: 0, latencyMs: 1 },
    ]);
    expect(await memory.purge()).toBe(1);
  });

  it('answers with the default settings, and logs an error id, when the database fails', async () => {
    const lines: string[] = [];
    await memory.purge(); // the start-up purge is done before the database goes away
    await memory.store.close(); // a real failure: the database connection is gone
    const failing = new TeamMemory({ store: memory.store, logger: createLogger('error', (line) => lines.push(line)), recordUserIds: false, retentionDays: 90, recording: false });
    expect(await failing.settingsFor({ platform: 'slack', workspaceId: 'T1', channelId: 'C1' })).toEqual(DEFAULT_SETTINGS);
    expect(failing.failedReads).toBe(1);
    expect(lines.some((line) => line.includes('Could not read settings') && /"errorId":"E/.test(line))).toBe(true);
    await failing.close().catch(() => {});
  });
});
