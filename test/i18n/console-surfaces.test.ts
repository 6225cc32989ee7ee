/**
 * The console's own words (greeting, hint, its help section, "no next page", "ask something first",
 * the error line, goodbye) in the pseudo-locale en-XA, through the real readline session and the real
 * dispatcher: nothing of ours is left unmarked. What may stay unmarked is data: the document's title,
 * command names, the reader's own lines and the replies' verbatim parts (checked by reply-surfaces).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatchAnswerer } from '../../src/adapters/console/answerer.js';
import { PROMPT, type ConsoleAnswerer } from '../../src/adapters/console/session.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { dispatcher } from '../../src/dispatcher.js';
import { PSEUDO_LOCALE } from '../../src/i18n/locale.js';
import { DOCUMENT_TITLE } from '../../src/i18n/words.js';
import { driveConsole } from '../adapters/console/drive.js';
import { sharedLexicon } from '../adapters/slack/harness.js';
import { unmarked } from './pseudo-check.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await sharedLexicon();
});

const NAMES = () => [DOCUMENT_TITLE, 'lexicon', 'next', 'prev', 'sources', 'quit', 'define empathy', 'search trust', ...dispatcher.commands.map((command) => command.name)];

describe('the console’s own words go through the catalog (pseudo-locale en-XA)', () => {
  it('marks the greeting, the hint, the replay notices, the error line and goodbye', async () => {
    const real = dispatchAnswerer(lexicon, undefined, undefined, PSEUDO_LOCALE);
    // One line explodes, to show the error line; every other line is the real dispatcher's.
    const answerer: ConsoleAnswerer = {
      ...real,
      answerLine: (line) => (line === '/explode' ? Promise.reject(new Error('kaboom')) : real.answerLine(line)),
    };
    const chat = driveConsole(answerer);
    await chat.waitFor(PROMPT);
    const greeting = chat.screen();
    chat.type('/next\n');
    await chat.waitFor(PROMPT, greeting.length + 1);
    const beforeError = chat.screen().length;
    chat.type('/explode\n');
    await chat.waitFor(/E[A-Z2-9]{5}/, beforeError);
    chat.input.end();
    await chat.surface.closed;
    const screen = chat.screen().replaceAll(PROMPT, '').replace(/\/next|\/explode|E[A-Z2-9]{5}/g, ' ');
    expect(unmarked(screen, NAMES())).toEqual([]);
    expect(screen).toContain('⟦Ask something first, e.g. ⟧');
    expect(screen).toContain('⟦Goodbye.⟧');
  });

  it('marks the console section of /help', async () => {
    const real = dispatchAnswerer(lexicon, undefined, undefined, PSEUDO_LOCALE);
    const chat = driveConsole(real, { columns: 200 });
    await chat.waitFor(PROMPT);
    const from = chat.screen().length;
    chat.type('/help\n');
    const help = await chat.waitFor(PROMPT, from + 1);
    const section = help.slice(help.indexOf('⟦In this console⟧'));
    expect(section.length).toBeGreaterThan(20);
    expect(unmarked(section.replaceAll(PROMPT, ''), NAMES())).toEqual([]);
    chat.input.end();
    await chat.surface.closed;
  });
});
