import { describe, expect, it } from 'vitest';
import { decodeActionState } from '../../../src/core/action-state.js';
import { command, SOURCE_CAVEAT, text as prose, type Block, type Reply, type TranslationView } from '../../../src/core/reply.js';
import { ACTION_ID_PREFIX, askedByOf, renderReply, slackCommand } from '../../../src/adapters/slack/render.js';
import { MESSAGE_BLOCKS_MAX, VIEW_BLOCKS_MAX } from '../../../src/adapters/slack/limits.js';
import { LOCALES, PSEUDO_LOCALE, type UiLocale } from '../../../src/i18n/locale.js';
import { t } from '../../../src/i18n/translator.js';
import { allText, limitProblems } from './limits-check.js';

const translations = (list: TranslationView[]): Block => ({ kind: 'translations', translations: list });

/** A definition reply as the core shapes one (hand-built: the renderer is tested on its own). */
function definition(overrides: Partial<Reply> = {}): Reply {
  const request = { command: 'define', options: { term: 'empathy' } };
  return {
    kind: 'definition',
    title: 'Empathy',
    subtitle: 'David A. Welch · II.5A Empathy, Part I',
    entryId: 'empathy',
    sectionId: 'empathy',
    blocks: [
      { kind: 'quote', text: 'Empathy is the ability to see the world through the eyes of another.¹²', highlights: [[0, 7]] },
      translations([
        { concept: 'empathy', language: 'zh', languageName: 'Mandarin', text: '同理心', romanization: 'tonglixin', source: { label: 'Appendix to 5A (David A. Welch)' }, entryId: 'empathy' },
      ]),
      { kind: 'citations', citations: [{ number: 12, text: 'See Welch, Painful Choices (2005), https://example.org/welch', urls: ['https://example.org/welch'], entryId: 'empathy' }] },
      { kind: 'see-also', entries: [{ entryId: 'trust', label: 'Trust' }] },
    ],
    notice: SOURCE_CAVEAT,
    page: { index: 1, count: 2 },
    actions: [
      { kind: 'share', label: 'Post to channel', request },
      { kind: 'sources', label: 'Sources', request: { command: 'cite', options: { term: 'empathy' } } },
      { kind: 'next', label: 'Next', request: { ...request, page: 2 } },
    ],
    request,
    ...overrides,
  };
}

const mention = ['<!channel>', '<!here>', '<@U012ABCDEF>', '<https://evil.example|click me>', '<#C0123|general>', '<!subteam^S123>'];
const hostile = `Hello ${mention.join(' ')} & friends`;

describe('renderReply', () => {
  it('renders the author’s words as a block quote with the highlights bold, and the caveat in a context block', () => {
    const message = renderReply(definition());
    expect(limitProblems(message)).toEqual([]);
    const header = message.blocks[0] as { type: string; text: { text: string } };
    expect(header).toMatchObject({ type: 'header', text: { text: 'Empathy' } });
    const text = allText(message);
    expect(text).toContain('> *Empathy* is the ability to see the world through the eyes of another.¹²');
    expect(text).toContain('David A. Welch · II.5A Empathy, Part I');
    expect(text).toContain('Footnotes');
    expect(text).toContain('¹² See Welch, Painful Choices (2005), <https://example.org/welch>');
    expect(text).toContain('• *Chinese (Mandarin)* — empathy: 同理心 (tonglixin)');
    expect(text).toContain('Source: Appendix to 5A (David A. Welch)');
    expect(text).toContain('See also: Trust');
    expect(text).toContain('Page 1 of 2');
    const contexts = message.blocks.filter((block) => block.type === 'context');
    expect(JSON.stringify(contexts)).toContain('Not for citation or wide circulation');
  });

  it('names each translation source once, above the renderings it records', () => {
    const source = { label: 'Appendix to 5A (David A. Welch)' };
    const message = renderReply(
      definition({
        blocks: [
          translations([
            { concept: 'trust', language: 'zh', languageName: 'Mandarin', text: '信任', romanization: 'XinRen', source, entryId: 'empathy' },
            { concept: 'trust', language: 'ja', languageName: 'Japanese', text: '信賴', romanization: 'Shinrai', source, entryId: 'empathy' },
            { concept: 'confidence', language: 'zh', languageName: 'Mandarin', romanization: 'xinren', source: { label: 'Footnote 28 to “Trust” (Jagaa Menduul)' }, entryId: 'trust' },
          ]),
        ],
      }),
    );
    const text = allText(message);
    expect(text.split(source.label)).toHaveLength(2);
    expect(text).toContain(`Source: ${source.label}\n• *Chinese (Mandarin)* — trust: 信任 (XinRen)\n• *Japanese* — trust: 信賴 (Shinrai)`);
    expect(text).toContain('Source: Footnote 28 to “Trust” (Jagaa Menduul)\n• *Chinese (Mandarin)* — confidence: xinren');
  });

  it('puts the renderings of one language on one line, and glossed renderings on their own', () => {
    const source = { label: 'Appendix to 5A (David A. Welch)' };
    const text = allText(
      renderReply(
        definition({
          blocks: [
            translations([
              { concept: 'trust', language: 'ko', languageName: 'Korean', text: '신임', romanization: 'Shin-im', source, entryId: 'empathy' },
              { concept: 'trust', language: 'ko', languageName: 'Korean', text: '신용', romanization: 'Shin-yong', source, entryId: 'empathy' },
              { concept: 'cso', language: 'zh', languageName: 'Mandarin', text: '协和', romanization: 'xiehe', glosses: [{ word: 'xiehe', meaning: 'harmonious' }], source, entryId: 'x' },
              { concept: 'cso', language: 'zh', languageName: 'Mandarin', text: '共同体', romanization: 'gongtongti', glosses: [{ word: 'gongtongti', meaning: 'community' }], source, entryId: 'x' },
            ]),
          ],
        }),
      ),
    );
    expect(text).toContain('• *Korean* — trust: 신임 (Shin-im) · 신용 (Shin-yong)\n');
    expect(text).toContain('• *Chinese (Mandarin)* — cso: 协和 (xiehe)\n    xiehe = harmonious\n• *Chinese (Mandarin)* — cso: 共同体 (gongtongti)\n    gongtongti = community');
  });

  it('shows facts as labelled fields', () => {
    const text = allText(renderReply(definition({ blocks: [{ kind: 'facts', facts: [{ label: 'Footnotes', value: 'nn. 54–59' }] }] })));
    expect(text.split('David A. Welch')).toHaveLength(2);
    expect(text).toContain('*Footnotes*\nnn. 54–59');
  });

  it('names commands in our prose as a Slack user must type them: /lexicon for those without a slash command of their own', () => {
    const message = renderReply(
      definition({
        kind: 'usage-error',
        title: 'Usage: search <query>',
        blocks: [prose('Example: ', command('search', 'south china sea'), '. ', command('entries'), ' lists every entry; ', command('define', 'empathy'), ' works as is.')],
      }),
    );
    const text = allText(message);
    expect(text).toContain('Example: /lexicon search south china sea. /lexicon entries lists every entry; /define empathy works as is.');
    expect(slackCommand(command('compare', 'confidence trust'))).toBe('/lexicon compare confidence trust');
    expect(slackCommand(command('translate', 'trust'))).toBe('/translate trust');
  });

  it('leaves the authors’ words and a user’s echoed query as they are', () => {
    const message = renderReply(definition({ kind: 'no-match', title: 'No entry matches “/search x”', blocks: [{ kind: 'quote', text: 'a /search of the seas' }, prose('You typed /search x.')] }));
    const text = allText(message);
    expect(text).toContain('No entry matches “/search x”');
    expect(text).toContain('a /search of the seas');
    // Prose is never rewritten by pattern: only command references become /lexicon commands.
    expect(text).toContain('You typed /search x.');
  });

  it('leaves empty table cells out instead of showing a column name with nothing after it', () => {
    const table: Block = { kind: 'table', caption: 'Table 1', columns: ['Perceiver', 'PRC', 'Japan'], rows: [['PRC', '', '● Diaoyutai'], ['Japan', '● Regional hegemony', '']] };
    const text = allText(renderReply(definition({ blocks: [table] })));
    expect(text).toContain('• *PRC* — Japan: ● Diaoyutai\n• *Japan* — PRC: ● Regional hegemony');
    expect(text).not.toMatch(/: ;|: *$/m);
  });

  it('separates bold markers from letters so Slack honours emphasis inside words and in CJK text', () => {
    const message = renderReply(definition({ blocks: [{ kind: 'quote', text: '建立互信与同理心', highlights: [[5, 8]] }] }));
    expect(allText(message)).toContain('> 建立互信与\u200B*同理心*');
    const inWord = renderReply(definition({ blocks: [{ kind: 'quote', text: 'trustworthy', highlights: [[0, 5]] }] }));
    expect(allText(inWord)).toContain('> *trust*\u200Bworthy');
  });

  it('turns the reply’s follow-ups into buttons whose value replays the request on any instance', () => {
    const message = renderReply(definition());
    const actions = message.blocks.find((block) => block.type === 'actions') as { elements: { action_id: string; value: string; text: { text: string } }[] };
    expect(actions.elements.map((button) => button.text.text)).toEqual(['Post to channel', 'Sources', 'Next']);
    for (const button of actions.elements) expect(button.action_id.startsWith(ACTION_ID_PREFIX)).toBe(true);
    expect(decodeActionState(actions.elements[2]!.value)).toEqual({ kind: 'next', request: { command: 'define', options: { term: 'empathy' }, page: 2 } });
    expect(decodeActionState(actions.elements[1]!.value)?.request.command).toBe('cite');
  });

  it('posts publicly without a share button, says who shared it, and remembers who may page it in place', () => {
    const message = renderReply(definition(), { audience: 'public', sharedBy: 'U0SHARER1', askedBy: 'U0SHARER1' });
    const actions = message.blocks.find((block) => block.type === 'actions') as { block_id?: string; elements: { text: { text: string } }[] };
    expect(actions.elements.map((button) => button.text.text)).toEqual(['Sources', 'Next']);
    expect(askedByOf(actions.block_id)).toBe('U0SHARER1');
    expect(askedByOf('lx-asked-by:<!channel>')).toBeUndefined();
    expect(allText(message)).toContain('Shared by <@U0SHARER1>');
    expect(limitProblems(message, MESSAGE_BLOCKS_MAX, ['<@U0SHARER1>'])).toEqual([]);
    const forged = renderReply(definition(), { audience: 'public', sharedBy: '<!channel>' });
    expect(allText(forged)).not.toContain('Shared by');
  });

  it('escapes mentions, broadcasts and links typed by a user so they never notify or link', () => {
    const message = renderReply(
      definition({
        title: `No entry for “${hostile}”`,
        subtitle: hostile,
        blocks: [
          prose(`You searched for ${hostile}`),
          { kind: 'quote', text: hostile, highlights: [[0, 5]] },
          { kind: 'heading', text: hostile },
          { kind: 'table', caption: hostile, columns: [hostile, hostile], rows: [[hostile, hostile]], note: hostile },
          { kind: 'facts', facts: [{ label: hostile, value: hostile }] },
          { kind: 'suggestions', command: 'define', suggestions: [{ entryId: 'trust', label: hostile }] },
          { kind: 'results', results: [{ entryId: 'trust', entryTitle: hostile, authors: [hostile], excerpt: hostile, highlights: [[6, 16]] }] },
          { kind: 'see-also', entries: [{ entryId: 'trust', label: hostile }] },
        ],
      }),
    );
    expect(limitProblems(message)).toEqual([]);
    const text = allText(message);
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).toContain('&lt;@U012ABCDEF&gt;');
    expect(text).toContain('&amp; friends');
    expect(message.text).not.toMatch(/<[!@#h]/);
  });

  it.each(
    [
      ['Latin', 'confidence-building measures '],
      ['CJK', '信任建立措施与协和安全机制'],
      ['emoji', '👩🏽‍🔬🇨🇦🤝🏾 trust '],
      ['markup', '<!channel> & <@U1> '],
    ].flatMap(([name, unit]) => ([...LOCALES, PSEUDO_LOCALE] as UiLocale[]).map((locale): [string, string, UiLocale] => [name!, unit!, locale])),
  )('keeps every block within Slack’s limits for 10,000 characters of %s in every field (in %s)', (_name, unit, locale) => {
    const huge = Array.from(unit.repeat(Math.ceil(10_000 / unit.length))).slice(0, 10_000).join('');
    const message = renderReply(
      definition({
        title: huge,
        subtitle: huge,
        blocks: [
          { kind: 'quote', text: huge, highlights: [[0, 5000]] },
          prose(huge),
          { kind: 'heading', text: huge },
          { kind: 'table', caption: huge, columns: Array(14).fill(huge) as string[], rows: [Array(14).fill(huge) as string[]], note: huge },
          { kind: 'facts', facts: Array.from({ length: 25 }, () => ({ label: huge, value: huge })) },
          { kind: 'citations', citations: [{ number: 1, text: huge, urls: [huge], entryId: 'x' }] },
          translations([{ concept: huge, language: 'zh', languageName: huge, text: huge, romanization: huge, glosses: [{ word: huge, meaning: huge }], source: { label: huge }, entryId: 'x' }]),
          { kind: 'suggestions', command: 'define', suggestions: [{ entryId: 'x', label: huge }] },
          { kind: 'results', results: [{ entryId: 'x', entryTitle: huge, authors: [huge], excerpt: huge, highlights: [[3, 9000]] }] },
          { kind: 'see-also', entries: [{ entryId: 'x', label: huge }] },
        ],
        notice: huge,
        actions: Array.from({ length: 40 }, (_, i) => ({ kind: 'open' as const, label: huge, request: { command: 'define', options: { term: `t${i}` } } })),
        locale,
      }),
    );
    expect(limitProblems(message)).toEqual([]);
    expect(message.blocks).toHaveLength(MESSAGE_BLOCKS_MAX);
    expect(allText(message)).toContain(t(locale, 'reply.shortenedSlack'));
  });

  it('lays out search results with their entry and author, the excerpt quoted', () => {
    const message = renderReply(
      definition({
        kind: 'search',
        blocks: [{ kind: 'results', results: [{ entryId: 'self-restraint', entryTitle: 'Self-Restraint', authors: ['Zhang Linting'], excerpt: 'the South China Sea dispute', highlights: [] }] }],
      }),
    );
    expect(allText(message)).toContain('*Self-Restraint* · Zhang Linting\n> the South China Sea dispute');
    expect(allText(message).split('China Sea dispute')).toHaveLength(2);
  });

  it('leaves out a button whose state would be too long rather than sending a broken one', () => {
    const long = 'x'.repeat(2100);
    const message = renderReply(definition({ actions: [{ kind: 'next', label: 'Next', request: { command: 'search', options: { query: long }, page: 2 } }] }));
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('uses the larger block budget of a modal when asked', () => {
    const blocks = Array.from({ length: 120 }, (_, i) => prose(`Paragraph ${i}`));
    const message = renderReply(definition({ blocks }), { maxBlocks: VIEW_BLOCKS_MAX });
    expect(message.blocks).toHaveLength(VIEW_BLOCKS_MAX);
    expect(limitProblems(message, VIEW_BLOCKS_MAX)).toEqual([]);
  });

  it('keeps long paragraphs whole across sections and never cuts inside an escape sequence', () => {
    const paragraph = 'A & B '.repeat(700); // 4,200 characters, 5,600 once escaped
    const message = renderReply(definition({ blocks: [{ kind: 'quote', text: paragraph }] }));
    const quotes = message.blocks.filter((block) => block.type === 'section' && JSON.stringify(block).includes('&amp;'));
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    for (const block of quotes) expect(JSON.stringify(block)).not.toMatch(/&(?!amp;|lt;|gt;)/);
    expect(limitProblems(message)).toEqual([]);
  });
});
