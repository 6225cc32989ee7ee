import { describe, expect, it } from 'vitest';
import { GOODBYE, PROMPT, type ConsoleAnswerer } from '../../../src/adapters/console/session.js';
import { text, type CommandRequest, type Reply } from '../../../src/core/reply.js';
import { driveConsole } from './drive.js';
import { baseReply } from './reply-fixtures.js';

/**
 * A stand-in for the dispatcher that records what the console asked and answers with the line
 * echoed in the title, with paging actions, so the console's own behaviour can be observed.
 */
function recordingAnswerer() {
  const lines: string[] = [];
  const replays: CommandRequest[] = [];
  const answerer: ConsoleAnswerer = {
    summary: 'test lexicon',
    answerLine(line) {
      lines.push(line);
      if (line === '/explode') throw new Error('kaboom at /secret/path.ts:12');
      if (line === '/help') return baseReply({ kind: 'help', title: 'Commands', blocks: [text('/define <term>')] });
      return pagedReply(`Answer to ${line.replace(/^\//, '')}`, 1);
    },
    replay({ request }) {
      replays.push(request);
      return pagedReply(`Page ${request.page ?? 1}`, request.page ?? 1);
    },
  };
  return { answerer, lines, replays };
}

function pagedReply(title: string, page: number): Reply {
  const request = { command: 'define', options: { term: 'empathy' } };
  return baseReply({
    title,
    page: { index: page, count: 3 },
    actions: [
      ...(page > 1 ? [{ kind: 'prev' as const, label: 'Prev', request: { ...request, page: page - 1 } }] : []),
      ...(page < 3 ? [{ kind: 'next' as const, label: 'Next', request: { ...request, page: page + 1 } }] : []),
    ],
    request: { ...request, page },
  });
}

describe('console session', () => {
  it('greets, answers a slash command, prompts again and says goodbye on end of input (Ctrl-D)', async () => {
    const { answerer, lines } = recordingAnswerer();
    const chat = driveConsole(answerer);
    await chat.waitFor(PROMPT);
    expect(chat.screen()).toContain('“Cooperative Security 2.0” lexicon (test lexicon).');
    chat.type('/define empathy\n');
    const after = await chat.waitFor(`Answer to define empathy`);
    expect(after).toContain('Page 1 of 3 — type /next');
    chat.input.end();
    await chat.surface.closed;
    expect(chat.screen().trimEnd().endsWith(GOODBYE)).toBe(true);
    expect(lines).toEqual(['/define empathy']);
  });

  it('accepts commands without the leading slash and ignores empty lines', async () => {
    const { answerer, lines } = recordingAnswerer();
    const chat = driveConsole(answerer);
    chat.type('\n   \n  define trust  \n');
    await chat.waitFor('Answer to define trust');
    chat.input.end();
    await chat.surface.closed;
    expect(lines).toEqual(['define trust']);
  });

  it('replays the last reply’s next and prev actions for /next and /prev', async () => {
    const { answerer, replays } = recordingAnswerer();
    const chat = driveConsole(answerer);
    chat.type('/prev\n');
    await chat.waitFor('Ask something first');
    chat.type('/define empathy\n');
    await chat.waitFor('Answer to define empathy');
    chat.type('/next\n');
    await chat.waitFor('Page 2 of 3 — type /next or /prev');
    chat.type('/next\n');
    await chat.waitFor('Page 3 of 3 — type /prev');
    const mark = chat.screen().length;
    chat.type('/next\n');
    await chat.waitFor('There is no next page.', mark);
    chat.type('/prev\n');
    await chat.waitFor('Page 2 of 3', mark);
    chat.type('/sources\n');
    await chat.waitFor('The last answer has no footnotes to show.', mark);
    chat.input.end();
    await chat.surface.closed;
    expect(replays.map((request) => request.page)).toEqual([2, 3, 2]);
  });

  it('adds the console’s own commands to /help', async () => {
    const chat = driveConsole(recordingAnswerer().answerer);
    chat.type('/help\n');
    const seen = await chat.waitFor('In this console');
    expect(seen).toContain('/define <term>');
    expect(seen).toContain('/next, /prev');
    expect(seen).toContain('Ctrl-D');
    chat.input.end();
    await chat.surface.closed;
  });

  it('prints an error id instead of a stack trace when answering throws, logs the details, and carries on', async () => {
    const chat = driveConsole(recordingAnswerer().answerer);
    chat.type('/explode\n');
    const seen = await chat.waitFor(/error id (E[A-Z0-9]{5})/);
    const errorId = /error id (E[A-Z0-9]{5})/.exec(seen)![1]!;
    expect(seen).toContain('Something went wrong');
    expect(seen).not.toContain('kaboom');
    expect(seen).not.toMatch(/\bat .*:\d+:\d+/);
    const logged = chat.logLines.filter((line) => line.includes(errorId));
    expect(logged.some((line) => line.includes('"level":"error"') && line.includes('kaboom'))).toBe(true);
    // The stack goes only to debug-level lines, so a terminal at the default level never shows one.
    expect(logged.filter((line) => line.includes('"level":"error"')).join('\n')).not.toContain('session.test.ts');
    expect(logged.some((line) => line.includes('"level":"debug"') && line.includes('stack'))).toBe(true);
    chat.type('/define trust\n');
    await chat.waitFor('Answer to define trust');
    chat.input.end();
    await chat.surface.closed;
  });

  it('answers what was typed before the input ended, then leaves', async () => {
    const { answerer, lines } = recordingAnswerer();
    const chat = driveConsole(answerer);
    chat.input.end('/define a\n/define b\n/quit\n/define never\n');
    await chat.surface.closed;
    expect(lines).toEqual(['/define a', '/define b']);
    expect(chat.screen()).toContain('Answer to define b');
    expect(chat.screen().match(new RegExp(GOODBYE, 'g'))).toHaveLength(1);
  });

  it('in terminal mode, recalls earlier lines with the up arrow and leaves on Ctrl-C', async () => {
    const { answerer, lines } = recordingAnswerer();
    const chat = driveConsole(answerer, { terminal: true });
    chat.type('/define empathy\r');
    await chat.waitFor('Answer to define empathy');
    chat.type('/define trust\r');
    await chat.waitFor('Answer to define trust');
    // Up twice: back past "/define trust" to "/define empathy".
    chat.type('\x1b[A\x1b[A\r');
    await chat.waitFor(/Answer to define empathy[\s\S]*Answer to define trust[\s\S]*Answer to define empathy/);
    chat.type('\x03');
    await chat.surface.closed;
    expect(lines).toEqual(['/define empathy', '/define trust', '/define empathy']);
    expect(chat.screen()).toContain(GOODBYE);
  });

  it('lays out for 80 columns when the terminal reports no width', async () => {
    const { answerer } = recordingAnswerer();
    const long = baseReply({ title: 'T', blocks: [text('word '.repeat(40).trim())] });
    const chat = driveConsole({ ...answerer, answerLine: () => long }, { columns: 0 });
    chat.type('anything\n');
    const seen = await chat.waitFor(/word\n/);
    const lines = seen.split('\n').filter((line) => line.startsWith('word'));
    expect(Math.max(...lines.map((line) => line.length))).toBeGreaterThan(60);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    chat.input.end();
    await chat.surface.closed;
  });

  it('stop() closes the console', async () => {
    const chat = driveConsole(recordingAnswerer().answerer);
    await chat.waitFor(PROMPT);
    await chat.surface.stop();
    await chat.surface.closed;
    expect(chat.screen()).toContain(GOODBYE);
  });
});
