import { describe, expect, it } from 'vitest';
import { clipGraphemes } from '../../src/core/graphemes.js';
import { echo, ECHO_MAX } from '../../src/core/entry-views.js';

const FAMILY = '👩‍👩‍👧‍👦';
const FLAG = '🇨🇦';

describe('echoed text', () => {
  it('is cut between whole graphemes, never inside an emoji, a flag or a surrogate pair', () => {
    expect(echo(`${'a'.repeat(58)}${FAMILY}${FAMILY}zzz`)).toBe(`${'a'.repeat(58)}${FAMILY}…`);
    expect(echo(`${'b'.repeat(58)}${FLAG}${FLAG}${FLAG}`)).toBe(`${'b'.repeat(58)}${FLAG}…`);
    expect(echo(`${'c'.repeat(58)}𠀀𠀀𠀀`)).toBe(`${'c'.repeat(58)}𠀀…`);
    expect(echo('e\u0301'.repeat(70))).toBe('e\u0301'.repeat(ECHO_MAX - 1) + '…');
  });

  it('is left whole when it is short enough, counted in graphemes rather than code units', () => {
    expect(echo(FAMILY.repeat(ECHO_MAX))).toBe(FAMILY.repeat(ECHO_MAX));
    expect(clipGraphemes('short', 10)).toBe('short');
  });
});
