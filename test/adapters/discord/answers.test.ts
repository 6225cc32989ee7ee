import { describe, expect, it } from 'vitest';
import { commonRequests, createAnswers } from '../../../src/adapters/discord/answers.js';
import { dispatch } from '../../../src/core/dispatch.js';
import { realLexicon } from '../../fakes/discord/harness.js';

describe('Discord answers cache', () => {
  it('serves a repeated request from memory, with the same reply the core gives', async () => {
    const lexicon = await realLexicon();
    const answers = createAnswers(lexicon);
    const request = { command: 'define', options: { term: 'empathy' } };
    const first = answers.interactive(request, true);
    expect(answers.interactive(request, true)).toEqual(first);
    expect(answers.interactive(request, true).payload).toBe(first.payload);
    expect(first.reply).toEqual(dispatch(lexicon, request));
  });

  it('recomputes every time when the cache is off', async () => {
    const answers = createAnswers(await realLexicon(), 0);
    const request = { command: 'define', options: { term: 'trust' } };
    expect(answers.interactive(request, true).payload).not.toBe(answers.interactive(request, true).payload);
  });

  it('warms /define of every entry and section, the values autocomplete fills in', async () => {
    const lexicon = await realLexicon();
    const requests = commonRequests(lexicon);
    expect(requests).toContainEqual({ command: 'define', options: { term: 'empathy' } });
    expect(requests).toContainEqual({ command: 'define', options: { term: 'empathy/confidence' } });
    expect(requests.length).toBeGreaterThan(lexicon.entries.length);
    const answers = createAnswers(lexicon);
    expect(answers.size).toBe(0);
    await answers.warm(requests);
    expect(answers.size).toBe(requests.length);
  });
});
