/**
 * A real Chromium for the reading room's browser tests and screenshots: Debian's `chromium`
 * package driven by playwright-core (no browser download), headless, with a fresh profile that is
 * removed on close, and flags that keep it off the network except for the pages it is sent to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's package installs it (`apt-get install chromium`; `.ci/run` does so when missing). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A browser context in a fresh profile; `close` also deletes the profile. */
export interface FreshBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launch Chromium with a fresh --user-data-dir. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {}): Promise<FreshBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), 'lexicon-chromium-'));
  // launchPersistentContext passes the profile as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: options.viewport ?? { width: 1100, height: 900 },
    bypassCSP: options.bypassCSP ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
