import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { LookupRecorder, normalizeQuery } from '../../src/core/lookup-recorder.js';
import { openStore } from '../../src/storage/open.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-recorder-'));
  dirs.push(dir);
  return dir;
}

const answered = { surface: 'console', workspaceId: null, channelId: null, command: 'define', query: '  Empathy  Gap ', replyKind: 'definition', entryId: 'empathy', suggestions: 0, latencyMs: 1 };

describe('LookupRecorder', () => {
  it('normalizes queries: NFKC, lower case, single spaces', () => {
    expect(normalizeQuery('  ＴＲＵＳＴ   Building ')).toBe('trust building');
    expect(normalizeQuery('   ')).toBeNull();
  });

  it('writes nothing on the request path and everything on flush, without user ids unless asked', async () => {
    const store = await openStore({ dataDir: freshDir() });
    const recorder = new LookupRecorder({ store, logger: createLogger('silent'), recordUserIds: false, flushIntervalMs: 60_000 });
    recorder.record({ ...answered, userId: 'U123' });
    expect((await store.lookupStats({ since: 0, limit: 5 })).total).toBe(0);
    await recorder.close();
    const stats = await store.lookupStats({ since: 0, limit: 5 });
    expect(stats.topQueries).toEqual([{ key: 'empathy gap', count: 1 }]);
    expect(recorder.written).toBe(1);
    await store.close();
  });

  it('counts and logs with an error id the records it could not write, and keeps recording afterwards', async () => {
    const store = await openStore({ dataDir: freshDir() });
    const lines: string[] = [];
    const recorder = new LookupRecorder({ store, logger: createLogger('error', (line) => lines.push(line)), recordUserIds: false, flushIntervalMs: 60_000 });
    await store.close(); // a real failure: the database is gone
    recorder.record(answered);
    recorder.record(answered);
    await recorder.flush();
    expect(recorder.failedWrites).toBe(2);
    expect(lines.some((line) => line.includes('Could not record lookups') && /"errorId":"E[A-Z2-9]{5}"/.test(line))).toBe(true);
    recorder.record(answered);
    await recorder.close();
    expect(recorder.failedWrites).toBe(3);
  });
});
