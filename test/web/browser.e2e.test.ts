/**
 * The reading room in a real browser (Debian's Chromium through playwright-core): one launch for
 * the whole file.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apaCitation, chicagoCitation } from '../../src/core/citation-styles.js';
import { launchChromium, type FreshBrowser } from '../../src/bench/chromium.js';
import { realLexicon, serveReadingRoom, type ServedReadingRoom } from './helpers.js';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let room: ServedReadingRoom;
let browser: FreshBrowser;
let page: Page;

beforeAll(async () => {
  room = await serveReadingRoom();
  // bypassCSP lets the test inject axe-core; the pages' own CSP is tested over HTTP.
  browser = await launchChromium({ bypassCSP: true });
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: room.base });
  page = await browser.context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await room?.server.close();
});

/** axe-core's WCAG 2.x A/AA violations on the current page: rule id and how many nodes. */
async function axeViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT });
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }).then(r => r.violations.map(v => v.id + ' (' + v.nodes.length + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')))`)) as string[];
  return violations;
}

describe('the reading room in Chromium', { timeout: 60_000 }, () => {
  it('answers a page opened without a token with 403 and an explanation', async () => {
    const response = await page.goto(`${room.base}/entries/trust`);
    expect(response?.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Not available without a link from the bot');
  });

  it('opens a signed link at its paragraph, follows a footnote marker to the note and back', async () => {
    await page.goto(room.link('/entries/trust', 'fnref-28'));
    expect(await page.title()).toBe('Trust · Cooperative Security 2.0: a lexicon');
    await page.locator('#fnref-28').click();
    expect(new URL(page.url()).hash).toBe('#fn-28');
    await expect.poll(() => page.locator('#fn-28').isVisible()).toBe(true);
    expect(await page.evaluate(`document.querySelector(':target')?.id`)).toBe('fn-28');
    await page.locator('#fn-28 a.back').click();
    expect(new URL(page.url()).hash).toBe('#fnref-28');
    expect(await page.evaluate(`document.querySelector(':target')?.id`)).toBe('fnref-28');
  });

  it('searches from the box, marks the words, and opens a result at its paragraph', async () => {
    await page.goto(room.link('/'));
    await page.locator('#q').fill('strategic trust');
    await page.locator('#q').press('Enter');
    await page.waitForURL(/\/search\?q=strategic\+trust/);
    expect(await page.locator('mark').count()).toBeGreaterThan(0);
    const first = page.locator('.results h2 a').first();
    const href = (await first.getAttribute('href')) ?? '';
    await first.click();
    await page.waitForURL((url) => url.pathname + url.hash === href);
    const target = href.split('#')[1];
    expect(await page.evaluate(`document.querySelector(':target')?.id`)).toBe(target);
  });

  it('copies a citation to the clipboard with its button', async () => {
    const lexicon = await realLexicon();
    await page.goto(room.link('/entries/empathy', 'cite'));
    await page.getByRole('button', { name: 'Copy the Chicago citation' }).click();
    await expect.poll(() => page.locator('#copy-status').textContent()).toBe('Copied the Chicago citation.');
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(chicagoCitation(lexicon.entry('empathy')!));
    await page.getByRole('button', { name: 'Copy the APA citation' }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(apaCitation(lexicon.entry('empathy')!));
  });

  it('prints an entry with its notes and tables, without the search box or buttons', async () => {
    await page.goto(room.link('/entries/empathy'));
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await page.locator('header.site form').isVisible()).toBe(false);
      expect(await page.locator('.cite button').first().isVisible()).toBe(false);
      expect(await page.locator('#fn-51').isVisible()).toBe(true);
      expect(await page.locator('table').first().isVisible()).toBe(true);
      expect(await page.locator('.caveat').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('has no axe-core violations on the home, an entry, search and 403 pages (light and dark, wide and phone)', async () => {
    const entry = room.link('/entries/empathy');
    const search = room.link('/search') + '&q=trust';
    const runs: { scheme: 'light' | 'dark'; width: number; urls: string[] }[] = [
      { scheme: 'light', width: 1100, urls: [room.link('/'), entry, search, `${room.base}/entries/x?t=bad`] },
      { scheme: 'dark', width: 1100, urls: [entry, search] },
      { scheme: 'light', width: 375, urls: [room.link('/'), entry] },
    ];
    const found: string[] = [];
    for (const run of runs) {
      await page.emulateMedia({ colorScheme: run.scheme });
      await page.setViewportSize({ width: run.width, height: 800 });
      for (const url of run.urls) {
        await page.goto(url);
        for (const violation of await axeViolations()) found.push(`${run.scheme} ${run.width}px ${new URL(url).pathname}: ${violation}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1100, height: 900 });
    expect(found).toEqual([]);
    // The check itself can fail: the same run reports a page with real problems.
    await page.setContent('<html><body><img src="x.png"><p style="color:#ccc;background:#fff">faint</p></body></html>');
    expect((await axeViolations()).map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['image-alt', 'color-contrast']));
  });
});
