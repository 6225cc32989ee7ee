/**
 * The console applies its own settings (what `npm run -s lexicon -- settings set …` writes without
 * --discord or --slack), on both storage engines: the language shown first, and the UI language over
 * LANG; a change applies to the next line.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dispatchAnswerer } from '../../../src/adapters/console/answerer.js';
import type { Lexicon } from '../../../src/core/lexicon.js';
import { silentLogger } from '../../../src/core/logger.js';
import { translationsOf } from '../../../src/core/reply.js';
import { TeamMemory } from '../../../src/core/team-memory.js';
import { openStore } from '../../../src/storage/open.js';
import { describeEachEngine } from '../../support/engines.js';
import { sharedLexicon } from '../slack/harness.js';

const CONSOLE_SCOPE = { kind: 'workspace', platform: 'console', workspaceId: 'local' } as const;

describeEachEngine('console settings', (engine) => {
  let memory: TeamMemory;
  let lexicon: Lexicon;
  beforeAll(async () => {
    lexicon = await sharedLexicon();
    memory = new TeamMemory({ store: await openStore(await engine.freshOptions()), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0 });
  });
  afterAll(async () => {
    await memory.close().catch(() => {});
  });

  it("shows the console's language first and speaks its UI language, from the next line on", async () => {
    const answerer = dispatchAnswerer(lexicon, memory);
    const before = await answerer.answerLine('/translate trust');
    expect(translationsOf(before)[0]?.language).not.toBe('ja');
    expect(before.locale ?? 'en').toBe('en');

    await memory.setSettings(CONSOLE_SCOPE, { language: 'ja', uiLanguage: 'ko' });
    const after = await answerer.answerLine('/translate trust');
    expect(translationsOf(after)[0]?.language).toBe('ja');
    expect(after.locale).toBe('ko');
    // The same translations, only in another order: nothing is added or dropped.
    expect(translationsOf(after).length).toBe(translationsOf(before).length);
  });
});
