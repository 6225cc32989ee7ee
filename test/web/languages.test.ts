/**
 * The reading room in the reader's language: Accept-Language picks the language of the page's own
 * words (its chrome), a switcher of plain links on every page changes it without JavaScript, and the
 * authors' words stay as they are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveReadingRoom, type ServedReadingRoom } from './helpers.js';

let room: ServedReadingRoom;
beforeAll(async () => {
  room = await serveReadingRoom();
});
afterAll(() => room.server.close());

async function page(path: string, acceptLanguage?: string): Promise<string> {
  const url = new URL(room.link(path));
  const response = await fetch(url, acceptLanguage ? { headers: { 'accept-language': acceptLanguage } } : {});
  expect(response.status).toBe(200);
  return response.text();
}

/** The switcher's links, by language. */
function switcherLinks(html: string): Record<string, string> {
  const nav = /<nav class="languages"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return Object.fromEntries([...nav.matchAll(/<a lang="([^"]+)" hreflang="[^"]+" href="([^"]+)">/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
}

describe('reading room languages', () => {
  it('speaks the browser’s language (Accept-Language), with the authors’ words unchanged', async () => {
    const ja = await page('/entries/empathy', 'ja-JP,ja;q=0.9,en;q=0.5');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('本文へ移動');
    expect(ja).toContain('placeholder="用語集を検索"');
    expect(ja).toContain('と記されています');
    expect(ja).toContain('Empathy is the capacity to see the world from another’s perspective.');
    // The page's body too: its own headings, labels and the translation table's heads.
    expect(ja).toContain('<h2 id="notes-h">注</h2>');
    expect(ja).toContain('記録された訳語');
    expect(ja).toContain('aria-label="この段落へのリンク"');
    expect(ja).toContain('<title>Empathy · 『Cooperative Security 2.0』用語集</title>');
    const zhTW = await page('/', 'zh-HK');
    expect(zhTW).toContain('<html lang="zh-TW">');
    expect(zhTW).toContain('跳到正文');
    const english = await page('/', 'fr-CA, de');
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('Skip to the text');
  });

  it('offers every language on every page as plain links that keep the page and its query', async () => {
    for (const path of ['/', '/entries/trust', '/search?q=trust']) {
      const html = await page(path, 'ko');
      const links = switcherLinks(html);
      // The page's own language is shown as current, not linked.
      expect(Object.keys(links).sort()).toEqual(['en', 'ja', 'zh-CN', 'zh-TW']);
      expect(html).toContain('<span lang="ko" aria-current="true">한국어</span>');
      for (const href of Object.values(links)) expect(href.startsWith(new URL(room.link(path)).pathname)).toBe(true);
    }
    const searchLinks = switcherLinks(await page('/search?q=trust', 'ko'));
    expect(new URL(searchLinks['zh-CN']!, room.base).searchParams.get('q')).toBe('trust');
  });

  it('follows the switcher over Accept-Language, and keeps the choice in the search form', async () => {
    const links = switcherLinks(await page('/entries/trust', 'en'));
    const response = await fetch(new URL(links['zh-CN']!, room.base), { headers: { 'accept-language': 'en' } });
    const html = await response.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<input type="hidden" name="lang" value="zh-CN">');
    expect(html).toContain('搜索词汇表');
  });
});
