import { beforeAll, describe, expect, it } from 'vitest';
import { dispatchAnswerer } from '../../../src/adapters/console/answerer.js';
import { GOODBYE, PROMPT } from '../../../src/adapters/console/session.js';
import type { Lexicon } from '../../../src/core/lexicon.js';
import { loadLexicon } from '../../../src/core/load-lexicon.js';
import { driveConsole, type DrivenConsole } from './drive.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

/** Type a line and return what the console printed in answer, up to the next prompt. */
async function ask(chat: DrivenConsole, line: string): Promise<string> {
  const from = chat.screen().length;
  chat.type(line + '\n');
  const seen = await chat.waitFor(PROMPT, from);
  return seen.slice(0, seen.indexOf(PROMPT));
}

describe('console chat over the real lexicon', () => {
  it('defines empathy in the author’s words, with translations and footnotes', async () => {
    const chat = driveConsole(dispatchAnswerer(lexicon), { columns: 100 });
    await chat.waitFor(PROMPT);
    expect(chat.screen()).toContain(`(${lexicon.entries.length} entries)`);
    const answer = await ask(chat, '/define empathy');
    const empathy = lexicon.entry('empathy')!;
    expect(answer).toMatch(/^Empathy\n/);
    expect(answer).toContain(empathy.authors[0]!);
    // The lead definition appears verbatim inside the quote (bars and line breaks removed).
    const quoted = answer
      .split('\n')
      .filter((line) => line.startsWith('│'))
      .map((line) => line.replace(/^│ ?/, ''))
      .join(' ');
    expect(quoted).toContain(empathy.lead.text.replace(/\[\^\d+\]/g, '').trim());
    expect(answer).toMatch(/\[zh\]: .*同理心/);
    expect(answer).toMatch(/\[ko\]: .*공감/);
    expect(answer).toMatch(/^⁵⁷ /m);
    expect(answer).toContain('Not for citation or wide circulation');
    chat.input.end();
    await chat.surface.closed;
  });

  it('pages search results beyond the first five with /next', async () => {
    const chat = driveConsole(dispatchAnswerer(lexicon));
    const first = await ask(chat, 'search trust');
    const pages = /Page 1 of (\d+) — type \/next/.exec(first);
    expect(pages, first).not.toBeNull();
    const second = await ask(chat, '/next');
    expect(second).toContain(`Page 2 of ${pages![1]}`);
    expect(second).not.toBe(first);
    chat.input.end();
    await chat.surface.closed;
  });

  it('pages through a long entry with /next and /prev, and shows its footnotes with /sources', async () => {
    const chat = driveConsole(dispatchAnswerer(lexicon));
    const first = await ask(chat, 'define consociational security order');
    const pages = /Page 1 of (\d+) — type \/next/.exec(first);
    expect(pages, first).not.toBeNull();
    const count = Number(pages![1]);
    expect(count).toBeGreaterThan(1);
    expect(await ask(chat, '/next')).toContain(`Page 2 of ${count}`);
    expect(await ask(chat, '/prev')).toContain(`Page 1 of ${count} — type /next`);
    // Sources lists the footnotes of the page on screen, as the Sources button does.
    const sources = await ask(chat, '/sources');
    expect(sources).toMatch(/^Sources: /);
    expect(sources).toMatch(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+ /m);
    expect(sources).toContain('Chicago');
    chat.input.end();
    await chat.surface.closed;
  });

  it('lists the commands and the console’s own on /help, and names an unknown command', async () => {
    const chat = driveConsole(dispatchAnswerer(lexicon));
    const help = await ask(chat, '/help');
    for (const name of ['/define', '/translate', '/cite', '/search', '/compare', '/entries', '/next', '/sources', 'Ctrl-D']) {
      expect(help).toContain(name);
    }
    expect(await ask(chat, '/frobnicate')).toContain('Unknown command “frobnicate”');
    chat.input.end();
    await chat.surface.closed;
  });

  it('answers bad input helpfully without escape sequences, errors or crashes, then leaves on Ctrl-D', async () => {
    const chat = driveConsole(dispatchAnswerer(lexicon));
    await chat.waitFor(PROMPT);
    const inputs = [
      'x'.repeat(10_000),
      '/define \x1b[31m\x07\x1b]0;title\x07empathy\x08',
      '?!…;;',
      '😀🤝',
      '/search <script>alert(1)</script>',
      '/define @everyone <!channel>',
      '同理心 trust Ωμέγα',
    ];
    for (const input of inputs) {
      const answer = await ask(chat, input);
      expect(answer.trim().length, input.slice(0, 30)).toBeGreaterThan(0);
      expect(answer, input.slice(0, 30)).not.toMatch(/Something went wrong|^\s+at /m);
    }
    // Empty lines are ignored: no answer, just the prompt again.
    const before = chat.screen().length;
    chat.type('\n\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(chat.screen().slice(before).replaceAll(PROMPT, '').trim()).toBe('');

    chat.input.end();
    await chat.surface.closed;
    const screen = chat.screen();
    // Not a terminal and no colour: nothing typed may reach the screen as a control character.
    for (const control of ['\x1b', '\x07', '\x08']) expect(chat.raw()).not.toContain(control);
    expect(screen).toContain('Keep it under 200 characters');
    expect(screen).toContain('<script>alert(1)</script>');
    expect(screen).toContain('@everyone');
    expect(screen.trimEnd().endsWith(GOODBYE)).toBe(true);
    expect(chat.logLines.filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });
});
