import { describe, expect, it } from 'vitest';
import { readingRoomUrl, signToken, verifyToken } from '../../src/web/access.js';
import { testSettings } from './helpers.js';

describe('reading-room tokens', () => {
  const settings = testSettings({ linkTtlMs: 2 * 3_600_000 });
  const now = Date.UTC(2026, 11, 1, 9, 30);

  it('accept a token until its expiry, at least the configured time ahead', () => {
    const token = signToken(settings, now);
    const check = verifyToken(settings.secret, token, now);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.expiresAt * 1000).toBeGreaterThanOrEqual(now + settings.linkTtlMs);
    expect(check.expiresAt * 1000).toBeLessThan(now + settings.linkTtlMs + 3_600_000);
    expect(verifyToken(settings.secret, token, check.expiresAt * 1000 - 1).ok).toBe(true);
    expect(verifyToken(settings.secret, token, check.expiresAt * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuse a token signed with another secret, a changed expiry, or garbage', () => {
    const token = signToken(settings, now);
    expect(verifyToken(Buffer.from('another-secret-of-at-least-thirty-two-chars'), token, now)).toEqual({ ok: false, reason: 'forged' });
    const [expiry, mac] = token.split('.');
    expect(verifyToken(settings.secret, `${Number(expiry) + 3600}.${mac}`, now)).toEqual({ ok: false, reason: 'forged' });
    expect(verifyToken(settings.secret, 'not-a-token', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyToken(settings.secret, undefined, now)).toEqual({ ok: false, reason: 'missing' });
  });

  it('give the same link within the hour, so cached answers stay identical', () => {
    const first = readingRoomUrl(settings, '/entries/trust', 'fn-28', now);
    expect(readingRoomUrl(settings, '/entries/trust', 'fn-28', now + 60_000)).toBe(first);
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:0\/entries\/trust\?t=\d+\.[\w-]{43}#fn-28$/);
  });

  it('make links without a token when access is open', () => {
    expect(readingRoomUrl(testSettings({ access: 'open', publicUrl: 'https://lexicon.example.org' }), '/entries/empathy', 'confidence')).toBe(
      'https://lexicon.example.org/entries/empathy#confidence',
    );
  });
});
