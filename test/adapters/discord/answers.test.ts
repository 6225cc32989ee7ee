import { describe, expect, it } from 'vitest';
import { commonRequests, createAnswers } from '../../../src/adapters/discord/answers.js';
import { dispatcher } from '../../../src/dispatcher.js';
import { realLexicon } from '../../fakes/discord/harness.js';

describe('Discord answers cache', () => {
  it('serves a repeated request from memory, with the same reply the core gives', async () => {
    const lexicon = await realLexicon();
    const answers = createAnswers(lexicon);
    const request = { command: 'define', options: { term: 'empathy' } };
    const first = answers.rendered(request, 'private');
    expect(answers.rendered(request, 'private')).toEqual(first);
    expect(answers.rendered(request, 'private').payload).toBe(first.payload);
    expect(first.reply).toEqual(dispatcher.dispatch(lexicon, request));
  });

  it('recomputes every time when the cache is off', async () => {
    const answers = createAnswers(await realLexicon(), 0);
    const request = { command: 'define', options: { term: 'trust' } };
    expect(answers.rendered(request, 'private').payload).not.toBe(answers.rendered(request, 'private').payload);
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
