import { describe, expect, it } from 'vitest';
import { dispatcher } from '../../src/dispatcher.js';
import { decodeActionState, encodeActionState, MAX_ACTION_STATE_LENGTH } from '../../src/core/action-state.js';
import type { Reply } from '../../src/core/reply.js';
import { fixtureLexicon } from '../fixtures/lexicon.js';
import { allPages, ask, partsOf, citationsOf } from '../commands/helpers.js';

const LONG_SECTION = 'reassurance/practical-challenges-of-reassurance-strategies-in-east-asian-waters';

describe('dispatch', () => {
  it('answers an unknown command with a usage reply listing the commands', () => {
    const reply = dispatcher.dispatch(fixtureLexicon(), { command: 'defne', options: { term: 'empathy' } });
    expect(reply.kind).toBe('usage-error');
    expect(reply.title).toBe('Unknown command “defne”');
    expect(partsOf(reply)[0]).toEqual({ kind: 'text', text: 'Did you mean /define?' });
    expect(partsOf(reply)[1]).toEqual({ kind: 'text', text: 'The commands are: /define, /translate, /cite, /search, /compare, /read, /entries, /help.' });
    expect(partsOf(dispatcher.dispatch(fixtureLexicon(), { command: 'lookup', options: {} }))[0]).toEqual({
      kind: 'text',
      text: 'The commands are: /define, /translate, /cite, /search, /compare, /read, /entries, /help.',
    });
    expect(reply.page).toEqual({ index: 1, count: 1 });
  });

  it('names a missing option and shows an example', () => {
    const reply = dispatcher.dispatch(fixtureLexicon(), { command: 'define', options: {} });
    expect(reply.kind).toBe('usage-error');
    expect(reply.title).toBe('Usage: define <term>');
    expect(partsOf(reply)).toEqual([{ kind: 'text', text: '/define needs a term (term). Example: /define empathy' }]);
  });

  it('names the option and the fix for a value that is too long, an unknown language or a bad footnote', () => {
    const long = dispatcher.dispatch(fixtureLexicon(), { command: 'search', options: { query: 'trust '.repeat(2000) } });
    expect(long.kind).toBe('usage-error');
    expect(partsOf(long)[0]).toEqual({ kind: 'text', text: 'query: Keep it under 200 characters. Example: /search south china sea' });

    const language = dispatcher.dispatch(fixtureLexicon(), { command: 'translate', options: { term: 'trust', language: 'fr' } });
    expect(language.kind).toBe('usage-error');
    expect(partsOf(language)[0]).toMatchObject({ text: expect.stringContaining('“fr” is not a language the document records. Use zh (Mandarin), ja (Japanese) or ko (Korean).') });

    const footnote = dispatcher.dispatch(fixtureLexicon(), { command: 'cite', options: { term: 'trust', footnote: '2.5' } });
    expect(partsOf(footnote)[0]).toMatchObject({ text: expect.stringContaining('footnote: A footnote number is a whole number.') });
  });

  it('accepts language names and "n. 28" footnotes, and ignores unknown option keys', () => {
    expect(dispatcher.dispatch(fixtureLexicon(), { command: 'translate', options: { term: 'trust', language: 'Korean' } }).request).toEqual({
      command: 'translate',
      options: { term: 'trust', language: 'ko' },
    });
    const cite = dispatcher.dispatch(fixtureLexicon(), { command: '/CITE', options: { term: 'trust', footnote: 'n. 28', colour: 'red' } });
    expect(citationsOf(cite).map((c) => c.number)).toEqual([28]);
  });

  it('reads a number given for a term as text', () => {
    expect(citationsOf(dispatcher.dispatch(fixtureLexicon(), { command: 'cite', options: { term: 57 } })).map((c) => c.number)).toEqual([57]);
  });

  it('leaves visibility to the surface: accepted, and not part of the replayable request', () => {
    const reply = dispatcher.dispatch(fixtureLexicon(), { command: 'define', options: { term: 'empathy', visibility: 'public' } });
    expect(reply.kind).toBe('definition');
    expect(reply.request).toEqual({ command: 'define', options: { term: 'empathy' } });
    expect(dispatcher.dispatch(fixtureLexicon(), { command: 'define', options: { term: 'empathy', visibility: 'loud' } }).kind).toBe('usage-error');
  });

  it('normalizes the request to the resolved entry or section', () => {
    expect(ask(fixtureLexicon(), 'define Mutual Trust').request).toEqual({ command: 'define', options: { term: 'trust' } });
    expect(ask(fixtureLexicon(), 'define confidence').request).toEqual({ command: 'define', options: { term: 'empathy/confidence' } });
    // A reply that answers nothing keeps what was asked (cleaned).
    expect(ask(fixtureLexicon(), 'define wib\u0007ble').request).toEqual({ command: 'define', options: { term: 'wibble' } });
  });

  it('pages a long answer with prev/next buttons that replay the neighbouring pages', () => {
    const lexicon = fixtureLexicon();
    const first = ask(lexicon, `define ${LONG_SECTION}`);
    const count = first.page.count;
    expect(count).toBeGreaterThan(2);
    expect(first.page).toEqual({ index: 1, count });
    expect(first.actions.map((a) => a.kind)).toEqual(['share', 'sources', 'next']);

    const second = ask(lexicon, `define ${LONG_SECTION}`, 2);
    expect(second.page).toEqual({ index: 2, count });
    expect(second.actions.filter((a) => a.kind === 'prev' || a.kind === 'next').map((a) => a.request.page)).toEqual([undefined, 3]);
    expect(partsOf(second)).not.toEqual(partsOf(first));

    const next = first.actions.find((a) => a.kind === 'next');
    const decoded = decodeActionState(encodeActionState(next!));
    expect(dispatcher.dispatch(lexicon, decoded!.request)).toEqual(second);

    const last = ask(lexicon, `define ${LONG_SECTION}`, 999);
    expect(last.page).toEqual({ index: count, count });
    expect(last.actions.map((a) => a.kind)).not.toContain('next');
  });

  it('makes every action of every reply fit a button, compacting long references, and replays them exactly', () => {
    const lexicon = fixtureLexicon();
    const lines = [
      'define empathy',
      'define confidence',
      `define ${LONG_SECTION}`,
      'define wibble',
      'translate trust',
      'translate trust ko',
      'translate reassurance',
      'cite empathy',
      'cite trust 57',
      `cite ${LONG_SECTION}`,
      'search reassurance sentence',
      'search ' + 'benign '.repeat(25),
      `compare ${LONG_SECTION} ${LONG_SECTION}`,
      'compare confidence trust',
      'entries',
      'help',
    ];
    const replies: Reply[] = lines.flatMap((line) => allPages(lexicon, line));
    let compacted = 0;
    for (const reply of replies) {
      for (const action of reply.actions) {
        if (JSON.stringify(action.request).length > MAX_ACTION_STATE_LENGTH && action.request.command === 'search') {
          // A whole long query does not fit Discord's custom_id; it is never cut to fit (Slack has room).
          expect(action.request.options.query).toBe('benign '.repeat(25).trim());
          continue;
        }
        const state = encodeActionState(action);
        expect(state.length).toBeLessThanOrEqual(MAX_ACTION_STATE_LENGTH);
        expect(action.label.length).toBeLessThanOrEqual(80);
        const decoded = decodeActionState(state);
        expect(decoded?.request).toEqual(action.request);
        if (Object.values(action.request.options).some((v) => String(v).startsWith('@'))) compacted++;
        const replayed = dispatcher.dispatch(lexicon, decoded!.request);
        expect(replayed.kind).not.toBe('usage-error');
        // Paging and sharing stay on the same answer; the page they land on is the one they name.
        if (action.kind === 'share' || action.kind === 'prev' || action.kind === 'next') {
          expect(replayed.title).toBe(reply.title);
          expect(replayed.page.index).toBe(action.request.page ?? 1);
        }
      }
    }
    expect(compacted).toBeGreaterThan(0);
  });

  it('replays a long search query whole: its request is never the shortened echo of its title', () => {
    const query = 'benign intent signals reassurance strategies practical challenges east asian waters sentence';
    const reply = ask(fixtureLexicon(), `search ${query}`);
    expect(reply.title.length).toBeLessThan(query.length + 12);
    expect(reply.request).toEqual({ command: 'search', options: { query } });
    for (const action of reply.actions.filter((a) => a.kind === 'share' || a.kind === 'next')) {
      expect(decodeActionState(encodeActionState(action, 2000))?.request.options.query).toBe(query);
    }
  });

  it('replays a share button as exactly the answer shared', () => {
    const lexicon = fixtureLexicon();
    for (const line of ['define confidence', `define ${LONG_SECTION}`, 'compare confidence trust', 'cite trust 28']) {
      for (const page of allPages(lexicon, line)) {
        const share = page.actions.find((a) => a.kind === 'share');
        const replayed = dispatcher.dispatch(lexicon, decodeActionState(encodeActionState(share!))!.request);
        expect({ ...replayed, request: null, actions: null }).toEqual({ ...page, request: null, actions: null });
      }
    }
  });

  it('propagates a handler bug to the adapter instead of hiding it', () => {
    const base = fixtureLexicon();
    const broken = { ...base, search: { ...base.search, resolveTerm: () => { throw new Error('index corrupted'); } } };
    expect(() => dispatcher.dispatch(broken, { command: 'define', options: { term: 'wibble' } })).toThrow('index corrupted');
  });
});
