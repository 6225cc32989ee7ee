import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { webSettings } from '../../src/web/access.js';

describe('reading-room configuration', () => {
  it('is closed by default: signed links, a week long, at localhost on PORT', () => {
    const config = parseConfig({ PORT: '4000' });
    const settings = webSettings(config);
    expect(settings.access).toBe('token');
    expect(settings.linkTtlMs).toBe(168 * 3_600_000);
    expect(settings.publicUrl).toBe('http://localhost:4000');
    expect(settings.ephemeralSecret).toBe(true);
    expect(settings.secret).toHaveLength(32);
  });

  it('takes the operator’s secret, address (without its trailing slash), link lifetime and open access', () => {
    const config = parseConfig({
      WEB_SECRET: 'x'.repeat(40),
      WEB_PUBLIC_URL: 'https://lexicon.example.org/',
      WEB_LINK_TTL_HOURS: '24',
      WEB_ACCESS: 'open',
    });
    const settings = webSettings(config);
    expect(settings).toMatchObject({ access: 'open', ephemeralSecret: false, publicUrl: 'https://lexicon.example.org', linkTtlMs: 24 * 3_600_000 });
  });

  it('names the variable and the fix for each bad value', () => {
    expect(() => parseConfig({ WEB_SECRET: 'short' })).toThrow(/WEB_SECRET must be at least 32 characters/);
    expect(() => parseConfig({ WEB_ACCESS: 'public' })).toThrow(/WEB_ACCESS must be "token"/);
    expect(() => parseConfig({ WEB_PUBLIC_URL: 'lexicon.example.org' })).toThrow(/WEB_PUBLIC_URL must be the http\(s\) address/);
    expect(() => parseConfig({ WEB_LINK_TTL_HOURS: '0' })).toThrow(/WEB_LINK_TTL_HOURS must be a whole number of hours/);
  });
});
