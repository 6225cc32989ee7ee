/**
 * `npm run screenshots`: pictures of the reading room (home, an entry, a search, an entry on a
 * phone and in dark mode) written to docs/screenshots/, which the README shows. Uses Debian's
 * Chromium (see chromium.ts) and the committed lexicon, on a loopback port.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLexicon } from '../core/load-lexicon.js';
import { parseConfig } from '../config.js';
import { createWebApp, readingRoomUrl, startWebServer, webSettings } from '../web/index.js';
import { launchChromium } from './chromium.js';

const OUT_DIR = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

const SHOTS: { file: string; path: string; anchor?: string; scrollTo?: string; width: number; height: number; scheme?: 'dark' }[] = [
  { file: 'home.png', path: '/', width: 1100, height: 900 },
  { file: 'entry.png', path: '/entries/empathy', width: 1100, height: 900 },
  { file: 'entry-table.png', path: '/entries/empathy', scrollTo: 'table-candidate-translations', width: 1100, height: 900 },
  { file: 'search.png', path: '/search?q=strategic+trust', width: 1100, height: 900 },
  { file: 'entry-phone.png', path: '/entries/trust', width: 390, height: 844 },
  { file: 'entry-dark.png', path: '/entries/trust', anchor: 'fn-28', width: 1100, height: 900, scheme: 'dark' },
];

const lexicon = await loadLexicon();
const settings = webSettings(parseConfig({}));
const server = await startWebServer(createWebApp({ lexicon, settings }), 0, '127.0.0.1');
settings.publicUrl = `http://127.0.0.1:${server.port}`;
const browser = await launchChromium();
try {
  mkdirSync(OUT_DIR, { recursive: true });
  const page = await browser.context.newPage();
  for (const shot of SHOTS) {
    await page.setViewportSize({ width: shot.width, height: shot.height });
    await page.emulateMedia({ colorScheme: shot.scheme ?? 'light' });
    const [pathname, search] = shot.path.split('?');
    const url = new URL(readingRoomUrl(settings, pathname ?? '/', shot.anchor));
    for (const [name, value] of new URLSearchParams(search ?? '')) url.searchParams.set(name, value);
    await page.goto(url.href);
    if (shot.scrollTo) await page.evaluate(`document.getElementById('${shot.scrollTo}').scrollIntoView({ block: 'start' })`);
    await page.screenshot({ path: OUT_DIR + shot.file });
    console.log(`docs/screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
