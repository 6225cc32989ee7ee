/**
 * Shared set-up for the reading-room tests: the real lexicon, settings with a known secret, and the
 * app served on a loopback port.
 */
import { loadLexicon } from '../../src/core/load-lexicon.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { createWebApp, readingRoomUrl, startWebServer, type WebServer, type WebSettings } from '../../src/web/index.js';

export const TEST_SECRET = 'test-secret-of-at-least-thirty-two-characters';

let lexicon: Promise<Lexicon> | undefined;

/** The committed lexicon, loaded once per test file. */
export function realLexicon(): Promise<Lexicon> {
  return (lexicon ??= loadLexicon());
}

/** Settings with a fixed secret (token access unless told otherwise). */
export function testSettings(overrides: Partial<WebSettings> = {}): WebSettings {
  return {
    access: 'token',
    secret: Buffer.from(TEST_SECRET),
    ephemeralSecret: false,
    publicUrl: 'http://127.0.0.1:0',
    linkTtlMs: 3_600_000,
    ...overrides,
  };
}

/** A reading room on 127.0.0.1 with a random port; `link` signs a path as the bot would. */
export interface ServedReadingRoom {
  server: WebServer;
  settings: WebSettings;
  base: string;
  link(path: string, anchor?: string): string;
}

export async function serveReadingRoom(overrides: Partial<WebSettings> = {}): Promise<ServedReadingRoom> {
  const settings = testSettings(overrides);
  const server = await startWebServer(createWebApp({ lexicon: await realLexicon(), settings }), 0, '127.0.0.1');
  settings.publicUrl = `http://127.0.0.1:${server.port}`;
  return { server, settings, base: settings.publicUrl, link: (path, anchor) => readingRoomUrl(settings, path, anchor) };
}

/** Every id="…" attribute of a page, in order. */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? '');
}
