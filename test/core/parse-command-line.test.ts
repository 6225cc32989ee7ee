import { describe, expect, it } from 'vitest';
import { dispatcher } from '../../src/dispatcher.js';

const parseCommandLine = (line: string) => dispatcher.parse(line);

describe('parseCommandLine', () => {
  it.each([
    ['/define "trust building" ', { command: 'define', options: { term: 'trust building' } }],
    ['define empathy', { command: 'define', options: { term: 'empathy' } }],
    ['define trust building measures', { command: 'define', options: { term: 'trust building measures' } }],
    ['translate trust ja', { command: 'translate', options: { term: 'trust', language: 'ja' } }],
    ['translate consociational security order', { command: 'translate', options: { term: 'consociational security order' } }],
    ['translate consociational security order Chinese', { command: 'translate', options: { term: 'consociational security order', language: 'zh' } }],
    ['translate 信任', { command: 'translate', options: { term: '信任' } }],
    ['cite trust 28', { command: 'cite', options: { term: 'trust', footnote: 28 } }],
    ['cite trust n. 28', { command: 'cite', options: { term: 'trust', footnote: 28 } }],
    ['cite trust footnote 28', { command: 'cite', options: { term: 'trust', footnote: 28 } }],
    ['cite trust-building measures', { command: 'cite', options: { term: 'trust-building measures' } }],
    ['compare confidence trust', { command: 'compare', options: { first: 'confidence', second: 'trust' } }],
    ['compare "confidence building measures" trust', { command: 'compare', options: { first: 'confidence building measures', second: 'trust' } }],
    ['compare “self restraint” “reassurance”', { command: 'compare', options: { first: 'self restraint', second: 'reassurance' } }],
    ['compare confidence "trust building measures"', { command: 'compare', options: { first: 'confidence', second: 'trust building measures' } }],
    ['search south china sea', { command: 'search', options: { query: 'south china sea' } }],
    ['search 2013 28', { command: 'search', options: { query: '2013 28' } }],
    ['/Entries', { command: 'entries', options: {} }],
    ['help', { command: 'help', options: {} }],
  ])('reads %j', (line, expected) => {
    expect(parseCommandLine(line)).toEqual(expected);
  });

  it('reads --public anywhere as the visibility, not as part of the term', () => {
    expect(parseCommandLine('define --public empathy')).toEqual({ command: 'define', options: { term: 'empathy', visibility: 'public' } });
    expect(parseCommandLine('search south --private china sea')).toEqual({
      command: 'search',
      options: { query: 'south china sea', visibility: 'private' },
    });
  });

  it('takes a lone number or language code as the term, not as its optional slot', () => {
    expect(parseCommandLine('cite 28')).toEqual({ command: 'cite', options: { term: '28' } });
    expect(parseCommandLine('translate ja')).toEqual({ command: 'translate', options: { term: 'ja' } });
  });

  it('keeps a quoted trailing number in the term', () => {
    expect(parseCommandLine('cite "Cooperative Security 2"')).toEqual({ command: 'cite', options: { term: 'Cooperative Security 2' } });
  });

  it('passes an unknown command on, so the dispatcher can list the real ones', () => {
    expect(parseCommandLine('/defne empathy')).toEqual({ command: 'defne', options: {} });
  });

  it('treats an unclosed quote as running to the end of the line', () => {
    expect(parseCommandLine('define "trust building')).toEqual({ command: 'define', options: { term: 'trust building' } });
  });

  it('strips control characters and refuses an empty line with a hint', () => {
    expect(parseCommandLine('\u0007define\u0000 empathy\u001b')).toEqual({ command: 'define', options: { term: 'empathy' } });
    const empty = parseCommandLine('  \u0000 ');
    expect(empty).toHaveProperty('error');
    expect('error' in empty && empty.error).toContain('/define empathy');
  });

  it('leaves a missing term missing, for the dispatcher to explain', () => {
    expect(parseCommandLine('define')).toEqual({ command: 'define', options: {} });
  });
});
