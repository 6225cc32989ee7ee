/**
 * Questions in the readers' languages reach the same command on every text surface: the console and
 * the one-shot CLI (`answerTextLine`) and Slack's slash-command text (`answerSlackText`), through the
 * one text reader (Slack mentions too: they read the text after the mention the same way).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/core/lexicon.js';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import { dispatcher } from '../../src/dispatcher.js';
import { answerTextLine } from '../../src/core/text-request.js';
import { answerSlackText } from '../../src/adapters/slack/listeners/answer.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

const QUESTIONS: [string, { command: string; term: string }][] = [
  ['信任用日语怎么说', { command: 'translate', term: 'trust' }],
  ['empathy是什么意思', { command: 'define', term: 'empathy' }],
  ['信頼とは', { command: 'define', term: '信頼' }],
  ['신뢰는 영어로', { command: 'translate', term: 'trust' }],
];

describe('CJK questions on every text surface', () => {
  it.each(QUESTIONS)('%s is answered alike on the console, the CLI and Slack commands', (question, expected) => {
    const consoleReply = answerTextLine(dispatcher, lexicon, question, 'ja');
    const slackReply = answerSlackText(lexicon, question, {}, 'ja').reply;
    for (const reply of [consoleReply, slackReply]) {
      expect(reply.request.command, question).toBe(expected.command);
      expect(String(reply.request.options.term).split('/')[0], question).toBe(expected.term);
      expect(reply.locale).toBe('ja');
    }
    expect(slackReply.request).toEqual(consoleReply.request);
    expect(slackReply.title).toEqual(consoleReply.title);
  });
});
