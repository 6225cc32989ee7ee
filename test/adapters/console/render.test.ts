import { describe, expect, it } from 'vitest';
import { renderReplyForTerminal, superscript } from '../../../src/adapters/console/render.js';
import { displayWidth } from '../../../src/adapters/console/text-width.js';
import { text } from '../../../src/core/reply.js';
import { baseReply, definitionReply, noMatchReply, searchReply, tableReply } from './reply-fixtures.js';

const ESC = '\x1b';
const plain = (reply: Parameters<typeof renderReplyForTerminal>[0], width = 80) =>
  renderReplyForTerminal(reply, { color: false, width });
const coloured = (reply: Parameters<typeof renderReplyForTerminal>[0], width = 80) =>
  renderReplyForTerminal(reply, { color: true, width });

describe('renderReplyForTerminal', () => {
  it('shows the author’s words as a quote behind a bar, with title and byline', () => {
    const out = plain(definitionReply);
    const lines = out.split('\n');
    expect(lines[0]).toBe('Empathy');
    expect(lines[1]).toContain('David A. Welch');
    const quoted = lines.filter((line) => line.startsWith('│ ')).map((line) => line.slice(2)).join(' ');
    expect(quoted).toBe(
      'Empathy is the capacity to see the world from another’s perspective. Importantly, the definition says nothing about sharing that perspective or agreeing with it.⁵⁷',
    );
  });

  it('prints no escape sequences when colour is off', () => {
    for (const reply of [definitionReply, searchReply, noMatchReply, tableReply]) {
      expect(plain(reply)).not.toContain(ESC);
    }
  });

  it('uses ANSI styles when colour is on, with the caveat dimmed', () => {
    const out = coloured(definitionReply);
    expect(out).toContain(`${ESC}[1m`);
    expect(out).toContain(`${ESC}[2m“Cooperative Security 2.0” is marked`);
  });

  it('makes search hits bold inside the excerpt', () => {
    const out = coloured(searchReply);
    expect(out).toContain(`${ESC}[1mEmpathy${ESC}[22m is the capacity`);
    expect(out).toContain(`lack of ${ESC}[1mempathy${ESC}[22m.`);
    expect(plain(searchReply)).toMatch(/^1\. Empathy, Part I — David A\. Welch$/m);
    expect(plain(searchReply)).toMatch(/^2\. Empathy, Part II — David A\. Welch$/m);
  });

  it('keeps the bar on blank lines between quoted paragraphs', () => {
    const reply = baseReply({ blocks: [{ kind: 'quote', text: 'First paragraph.\n\nSecond paragraph.' }] });
    expect(plain(reply).split('\n').slice(-3)).toEqual(['│ First paragraph.', '│', '│ Second paragraph.']);
  });

  it('does not repeat a URL that the footnote text shows with Markdown escapes', () => {
    const reply = baseReply({
      blocks: [{ kind: 'citations', citations: [{ number: 57, text: 'Bloom, http://example.org/a\\_b; more', urls: ['http://example.org/a_b'], entryId: 'empathy' }] }],
    });
    expect(plain(reply).split('example.org').length - 1).toBe(1);
  });

  it('keeps a highlight bold on both lines when wrapping splits it', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    const reply = baseReply({ blocks: [{ kind: 'quote', text, highlights: [[6, 22]] }] });
    const out = renderReplyForTerminal(reply, { color: true, width: 20 });
    const quoteLines = out.split('\n').filter((line) => line.includes('│'));
    expect(quoteLines[0]).toContain(`${ESC}[1mbeta gamma${ESC}[22m`);
    expect(quoteLines[1]).toContain(`${ESC}[1mdelta${ESC}[22m`);
    expect(quoteLines[1]).not.toContain(`${ESC}[1mdelta epsilon`);
  });

  it('lists footnotes with superscript numbers and the URLs the text does not already show', () => {
    const out = plain(definitionReply, 200);
    expect(out).toMatch(/^⁵⁷ Paul Bloom, “The Baby in the Well/m);
    expect(out.split('130520crat_atlarge_bloom').length - 1).toBe(1);
    expect(out).toContain('   http://davidwelch.ca/2013/the-case-against-the-case-against-empathy/');
    expect(superscript(133)).toBe('¹³³');
  });

  it('shows translations with their language code and romanization, under their provenance named once', () => {
    const out = plain(definitionReply);
    expect(out).toContain('empathy · Chinese (Mandarin) [zh]: 同理心 (Tong Li Xin)');
    expect(out).toContain('empathy · Japanese [ja]: 共感 (Kyokan)');
    expect(out.match(/Source: Appendix to 5A \(David A\. Welch\)/g)).toHaveLength(1);
    expect(out.indexOf('Source: Appendix to 5A')).toBeLessThan(out.indexOf('empathy · Chinese (Mandarin) [zh]'));
  });

  it('shows facts as labelled lines', () => {
    const out = plain(baseReply({ subtitle: 'Jagaa Menduul · II.3 Trust', blocks: [{ kind: 'facts', facts: [{ label: 'Footnotes', value: 'nn. 22–35' }] }] }));
    expect(out.split('Jagaa Menduul')).toHaveLength(2);
    expect(out).toContain('Footnotes: nn. 22–35');
  });

  it('shows a romanization alone when the document gives no characters', () => {
    const reply = baseReply({
      blocks: [
        {
          kind: 'translations',
          translations: [
            {
              concept: 'trust',
              language: 'zh',
              languageName: 'Mandarin',
              romanization: 'xinlai',
              source: { label: 'Footnote 28 (Jagaa Menduul)' },
              entryId: 'trust',
            },
          ],
        },
      ],
    });
    expect(plain(reply)).toContain('trust · Chinese (Mandarin) [zh]: xinlai');
  });

  it('tells which page of how many and which paging commands apply', () => {
    expect(plain(definitionReply)).toContain('Page 2 of 5 — type /next or /prev');
    expect(plain({ ...definitionReply, page: { index: 1, count: 3 } })).toContain('Page 1 of 3 — type /next');
    expect(plain({ ...definitionReply, page: { index: 3, count: 3 } })).toContain('Page 3 of 3 — type /prev');
    expect(plain({ ...definitionReply, page: { index: 1, count: 1 } })).not.toContain('Page 1 of 1');
    expect(plain(definitionReply)).toContain('/sources');
    // The footnotes are printed already: the hint does not send the reader to /sources for them.
    expect(plain(definitionReply)).toContain('Type /sources for how to cite it');
    expect(plain(definitionReply)).not.toContain('/sources for the footnotes');
    expect(plain(definitionReply)).not.toContain('/more');
  });

  it('leaves out the console’s follow-up commands when asked to (the one-shot CLI has none)', () => {
    const out = renderReplyForTerminal(definitionReply, { color: false, width: 80, followUpHints: false });
    expect(out).toContain('Page 2 of 5');
    expect(out).not.toMatch(/\/next|\/prev|\/sources/);
  });

  it('offers "did you mean" suggestions by label', () => {
    expect(plain(noMatchReply)).toContain('Did you mean: Empathy, Threat perception gap?');

  });

  it('renders a table as aligned columns, wrapping cells inside their column', () => {
    const out = plain(tableReply, 100);
    const rows = out.split('\n').filter((line) => line.includes(' │ '));
    expect(rows.length).toBeGreaterThan(4);
    const barColumns = (line: string) => {
      const columns: number[] = [];
      let cell = 0;
      for (const char of line) {
        if (char === '│') columns.push(cell);
        cell += displayWidth(char);
      }
      return columns;
    };
    const expected = barColumns(rows[0]!);
    expect(expected).toHaveLength(4);
    for (const row of rows) expect(barColumns(row)).toEqual(expected);
    expect(out).toMatch(/^Concept +│ English +│ Mandarin +│ Japanese +│ Korean$/m);
    // Every word of the long concept cell is still there, in order.
    const firstColumn = rows.slice(1).map((line) => line.split(' │ ')[0]!.trim()).join(' ');
    expect(firstColumn).toContain('A degree of subjective certainty resting on situational constraints');
    // Multi-line cells keep their lines.
    expect(out).toMatch(/│ 自信 \(Jishin\) +│/);
    expect(out).toMatch(/│ 確信\(Kakushin\) +│/);
  });

  it('stacks a table as "column: value" lines when the terminal is too narrow for its columns', () => {
    const out = plain(tableReply, 30);
    expect(out).not.toContain(' │ ');
    expect(out).toMatch(/^English: Confidence$/m);
    expect(out).toMatch(/^Mandarin: 信心 \(XinXin\)$/m);
    expect(out).toMatch(/^Korean: 공감 \(Gong-gam\)$/m);
  });

  it('keeps every line within the width but an unbreakable link, CJK and emoji counted as two cells', () => {
    const cjk = baseReply({
      title: '协和安全机制 🤝 consociational security order',
      blocks: [
        { kind: 'quote', text: '同理心'.repeat(40) + ' ' + 'word '.repeat(30) + '😀'.repeat(30) },
        { kind: 'facts', facts: [{ label: 'Translations', value: '共感 공감 '.repeat(20) }] },
      ],
    });
    for (const width of [20, 33, 60, 100]) {
      for (const reply of [definitionReply, searchReply, noMatchReply, tableReply, cjk]) {
        for (const line of plain(reply, width).split('\n')) {
          // A link longer than the line is the one thing kept whole (text-width.test.ts).
          const unbreakableLink = /^\W*https?:\/\/\S+$/.test(line.trim()) && !line.trim().includes(' ');
          if (unbreakableLink) continue;
          expect(displayWidth(line), `${reply.title} at ${width}: ${line}`).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('neutralises control characters and bidi overrides in text it prints', () => {
    const hostile = baseReply({
      kind: 'no-match',
      title: 'No entry matches “\x1b[2J\x1b]0;pwned\x07\u202eevil”',
      blocks: [text('line\rback\x00zero\ttab')],
    });
    const out = plain(hostile);
    // eslint-disable-next-line no-control-regex -- asserting that no control character survives
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(out).toContain('[2J');
    expect(out).toContain('line\ufffdback\ufffdzero tab');
    const colouredOut = coloured(hostile);
    expect(colouredOut).not.toContain('\x1b[2J');
    expect(colouredOut).not.toContain('\x07');
  });

  it('shows markup and mentions as plain text', () => {
    const reply = baseReply({ kind: 'no-match', title: 'No entry matches “<script>alert(1)</script> @everyone <!channel>”' });
    expect(plain(reply)).toContain('<script>alert(1)</script> @everyone <!channel>');
  });
});
