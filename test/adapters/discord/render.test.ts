import { describe, expect, it } from 'vitest';
import type { APIEmbed } from 'discord.js';
import { decodeActionState } from '../../../src/core/action-state.js';
import { SOURCE_CAVEAT, text as prose, type Block, type Citation, type Reply, type ReplyAction } from '../../../src/core/reply.js';
import { LOCALES, PSEUDO_LOCALE, type UiLocale } from '../../../src/i18n/locale.js';
import { embedLength, renderNotice, renderReply } from '../../../src/adapters/discord/render.js';
import {
  ACTION_ROWS_MAX,
  BUTTON_LABEL_MAX,
  BUTTONS_PER_ROW,
  CUSTOM_ID_MAX,
  EMBED_AUTHOR_NAME_MAX,
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBED_FOOTER_MAX,
  EMBED_TITLE_MAX,
  EMBED_TOTAL_MAX,
} from '../../../src/adapters/discord/limits.js';

function reply(overrides: Partial<Reply> = {}): Reply {
  return {
    kind: 'definition',
    title: 'Empathy',
    subtitle: 'David A. Welch · II.5A Empathy, Part I',
    entryId: 'empathy',
    blocks: [
      { kind: 'quote', text: 'Empathy is the ability to see the world as others see it.', highlights: [[0, 7]] },
      { kind: 'citations', citations: [{ number: 24, text: 'See Welch, Painful Choices.', urls: ['https://example.org/painful'], entryId: 'empathy' }] },
    ],
    notice: SOURCE_CAVEAT,
    page: { index: 1, count: 1 },
    actions: [
      { kind: 'share', label: 'Post to channel', request: { command: 'define', options: { term: 'empathy' } } },
      { kind: 'sources', label: 'Sources', request: { command: 'define', options: { term: 'empathy' } } },
    ],
    request: { command: 'define', options: { term: 'empathy' } },
    ...overrides,
  };
}

const citations = (list: Citation[]): Block => ({ kind: 'citations', citations: list });

function expectWithinLimits(embed: APIEmbed): void {
  expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_TITLE_MAX);
  expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
  expect(embed.author?.name.length ?? 0).toBeLessThanOrEqual(EMBED_AUTHOR_NAME_MAX);
  expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_FOOTER_MAX);
  expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(EMBED_FIELDS_MAX);
  for (const f of embed.fields ?? []) {
    expect(f.name.length).toBeGreaterThan(0);
    expect(f.name.length).toBeLessThanOrEqual(EMBED_FIELD_NAME_MAX);
    expect(f.value.length).toBeLessThanOrEqual(EMBED_FIELD_VALUE_MAX);
  }
  expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
  // No lone surrogate: every string survives a UTF-8 round trip unchanged.
  const json = JSON.stringify(embed);
  expect(Buffer.from(json, 'utf8').toString('utf8')).toBe(json);
  expect(json).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\udc|\\udd|\\ude|\\udf)/i);
}

const huge = (unit: string) => unit.repeat(Math.ceil(10_000 / unit.length));

describe('renderReply', () => {
  it('renders the verbatim quote as a block quote with the highlight in bold', () => {
    const [embed] = renderReply(reply()).embeds;
    expect(embed!.description).toBe('> **Empathy** is the ability to see the world as others see it.');
    expect(embed!.title).toBe('Empathy');
    expect(embed!.author?.name).toBe('David A. Welch · II.5A Empathy, Part I');
  });

  it("shows the document's caveat in the footer and the page when there are several", () => {
    const [embed] = renderReply(reply({ page: { index: 2, count: 3 } })).embeds;
    expect(embed!.footer?.text).toBe(`Page 2 of 3 · ${SOURCE_CAVEAT}`);
  });

  it('turns every mention off', () => {
    for (const payload of [renderReply(reply()), renderNotice('@everyone'), renderReply(reply(), { kind: 'public', sharedByUserId: '1300000000000000001' })]) {
      expect(payload.allowedMentions).toEqual({ parse: [] });
    }
  });

  it('escapes markdown a user typed so it is shown, not applied', () => {
    const [embed] = renderReply(reply({ kind: 'no-match', title: 'No entry for “**bold** _x_ ||spoiler||”', blocks: [prose('# heading\n> quote\n- item [link](https://evil.example)')] })).embeds;
    expect(embed!.title).toBe('No entry for “\\*\\*bold\\*\\* \\_x\\_ \\|\\|spoiler\\|\\|”');
    expect(embed!.description).toContain('\\# heading');
    expect(embed!.description).toContain('\\> quote');
    expect(embed!.description).toContain('\\- item');
    expect(embed!.description).toMatch(/\\\]\(https/);
  });

  it('keeps URLs intact and mentions inert in text it shows', () => {
    const [embed] = renderReply(reply({ blocks: [prose('See https://example.org/a_b*c and <@123> @everyone')] })).embeds;
    expect(embed!.description).toBe('See https://example.org/a_b*c and \\<@123> @everyone');
  });

  it('makes one button per action with the action state as custom_id, share first and primary', () => {
    const { components } = renderReply(reply());
    const buttons = components.flatMap((row) => row.components);
    expect(buttons.map((b) => b.label)).toEqual(['Post to channel', 'Sources']);
    expect(buttons[0]!.style).toBe(1);
    expect(decodeActionState(buttons[0]!.custom_id)).toEqual({ kind: 'share', request: { command: 'define', options: { term: 'empathy' } } });
  });

  it('keeps footnotes for the Sources button but shows them when public, with who shared it and no share button', () => {
    const interactive = renderReply(reply());
    expect(JSON.stringify(interactive.embeds)).not.toContain('Painful Choices');
    const shared = renderReply(reply(), { kind: 'public', sharedByUserId: '1300000000000000001' });
    expect(shared.content).toBe('Shared by <@1300000000000000001>');
    expect(shared.components.flatMap((row) => row.components).map((b) => b.label)).toEqual(['Sources']);
    expect(shared.embeds[0]!.fields?.find((f) => f.name === 'Footnotes cited')?.value).toBe('**24.** See Welch, Painful Choices.\n<https://example.org/painful>');
    expect(shared.embeds[0]!.author?.name).toContain('David A. Welch');
  });

  it('shows a footnote longer than a field whole, continued in the next field instead of cut', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    const long = { number: 70, text: words.join(' ') + ' end.', urls: [], entryId: 'threat-perception-gap' };
    const [embed] = renderReply(reply({ kind: 'citation', blocks: [citations([long])] })).embeds;
    const footnotes = (embed!.fields ?? []).filter((f) => f.name.startsWith('Footnotes cited')).map((f) => f.value);
    expect(footnotes.length).toBeGreaterThan(1);
    expect(footnotes.join(' ')).toBe(`**70.** ${long.text}`);
    expectWithinLimits(embed!);
  });

  it('renders a table as readable lines, not pipes', () => {
    const [embed] = renderReply(reply({ blocks: [{ kind: 'table', caption: 'Candidate translations', columns: ['English', 'Mandarin'], rows: [['Trust', '信任\nxinren']] }] })).embeds;
    expect(embed!.description).toBe('**Candidate translations**\n*English · Mandarin*\n• Trust · 信任 / xinren');
  });

  it('shows an empty table cell as a dash so the cells line up with the columns', () => {
    const [embed] = renderReply(reply({ blocks: [{ kind: 'table', caption: 'Table 1', columns: ['Perceiver', 'PRC', 'Japan'], rows: [['PRC', '', '● Diaoyutai']] }] })).embeds;
    expect(embed!.description).toBe('**Table 1**\n*Perceiver · PRC · Japan*\n• PRC · — · ● Diaoyutai');
  });

  it('renders translations with romanization under their provenance, each source named once', () => {
    const source = { label: 'Appendix to 5A (David A. Welch)' };
    const [embed] = renderReply(
      reply({
        kind: 'translation',
        blocks: [
          {
            kind: 'translations',
            translations: [
              { concept: 'empathy', language: 'zh', languageName: 'Mandarin', text: '同理心', romanization: 'tonglixin', source, entryId: 'empathy' },
              { concept: 'empathy', language: 'ja', languageName: 'Japanese', text: '共感', romanization: 'Kyokan', source, entryId: 'empathy' },
            ],
          },
        ],
      }),
    ).embeds;
    expect(embed!.fields).toContainEqual({
      name: 'Translations · empathy',
      value: `*Source: ${source.label}*\n**Chinese (Mandarin):** 同理心 (tonglixin)\n**Japanese:** 共感 (Kyokan)`,
    });
    expect(JSON.stringify(embed).split(source.label)).toHaveLength(2);
  });

  it('puts the renderings of one language on one line, and glossed renderings on their own', () => {
    const source = { label: 'Appendix to 5A (David A. Welch)' };
    const [embed] = renderReply(
      reply({
        blocks: [
          {
            kind: 'translations',
            translations: [
              { concept: 'trust', language: 'ko', languageName: 'Korean', text: '신임', romanization: 'Shin-im', source, entryId: 'empathy' },
              { concept: 'trust', language: 'ko', languageName: 'Korean', text: '신용', romanization: 'Shin-yong', source, entryId: 'empathy' },
              { concept: 'trust', language: 'zh', languageName: 'Mandarin', text: '协和', romanization: 'xiehe', glosses: [{ word: 'xiehe', meaning: 'harmonious' }], source, entryId: 'x' },
              { concept: 'trust', language: 'zh', languageName: 'Mandarin', text: '共同体', glosses: [{ word: 'gongtongti', meaning: 'community' }], source, entryId: 'x' },
            ],
          },
        ],
      }),
    ).embeds;
    expect(embed!.fields?.find((f) => f.name === 'Translations · trust')?.value).toBe(
      `*Source: ${source.label}*\n**Korean:** 신임 (Shin-im) · 신용 (Shin-yong)\n**Chinese (Mandarin):** 协和 (xiehe)\nxiehe: harmonious\n**Chinese (Mandarin):** 共同体\ngongtongti: community`,
    );
  });

  it('shows facts as inline fields', () => {
    const [embed] = renderReply(reply({ blocks: [{ kind: 'facts', facts: [{ label: 'Entries', value: '13' }] }] })).embeds;
    expect(embed!.fields).toEqual([{ name: 'Entries', value: '13', inline: true }]);
  });

  it('shows suggestions as buttons, each named once, with a field pointing at them', () => {
    const suggestions: Block = { kind: 'suggestions', command: 'define', suggestions: [{ entryId: 'trust', label: 'Trust' }, { entryId: 'empathy', sectionId: 'confidence', label: 'Empathy › Confidence' }] };
    const payload = renderReply(reply({ kind: 'no-match', blocks: [prose('Nothing matched.'), suggestions], actions: [] }));
    const buttons = payload.components.flatMap((row) => row.components);
    expect(buttons.map((b) => b.label)).toEqual(['Trust', 'Empathy › Confidence']);
    expect(decodeActionState(buttons[1]!.custom_id)).toEqual({ kind: 'open', request: { command: 'define', options: { term: 'empathy/confidence' } } });
    expect(payload.embeds[0]!.fields).toEqual([{ name: 'Did you mean', value: 'One of the buttons below?' }]);
  });

  it('labels a share by what it posts when the reply names it, never by reading the label', () => {
    const share: ReplyAction = { kind: 'share', label: 'Share', subject: 'Trust', request: { command: 'define', options: { term: 'trust' } } };
    const relabelled: ReplyAction = { kind: 'share', label: 'Something else', request: { command: 'define', options: { term: 'empathy' } } };
    const buttons = renderReply(reply({ actions: [share, relabelled] })).components.flatMap((row) => row.components);
    expect(buttons.map((b) => b.label)).toEqual(['Post: Trust', 'Post to channel']);
  });

  it.each(
    [
      ['latin', huge('lorem ipsum dolor ')],
      ['CJK', huge('协和安全机制同理心')],
      ['emoji with joiners', huge('👩‍👩‍👧‍👦🏳️‍🌈')],
      ['markdown', huge('*_~`|>\\')],
    ].flatMap(([name, text]) => ([...LOCALES, PSEUDO_LOCALE] as UiLocale[]).map((locale): [string, string, UiLocale] => [name!, text!, locale])),
  )('keeps a reply full of 10,000-character %s text within every Discord limit (in %s)', (_name, text, locale) => {
    const many = Array.from({ length: 40 }, (_, i) => i);
    const actions: ReplyAction[] = many.map((i) => ({ kind: 'open', label: text, request: { command: 'define', options: { term: `t${i}` } } }));
    const big = reply({
      title: text,
      subtitle: text,
      blocks: [
        { kind: 'quote', text, highlights: [[0, 5000], [3000, 9000]] },
        prose(text),
        { kind: 'table', caption: text, columns: [text], rows: [[text]] },
        { kind: 'facts', facts: many.map(() => ({ label: text, value: text })) },
        citations(many.map((i) => ({ number: i + 1, text, urls: [], entryId: 'empathy' }))),
        { kind: 'results', results: many.map(() => ({ entryId: 'empathy', entryTitle: text, authors: [text], excerpt: text, highlights: [[10, 400]] })) },
        { kind: 'suggestions', command: 'define', suggestions: many.map(() => ({ entryId: 'empathy', label: text })) },
        { kind: 'see-also', entries: many.map(() => ({ entryId: 'empathy', label: text })) },
      ],
      notice: text,
      actions,
      locale,
    });
    for (const mode of [{ kind: 'private' }, { kind: 'public', sharedByUserId: '1' }] as const) {
      const payload = renderReply(big, mode);
      expectWithinLimits(payload.embeds[0]!);
      expect(payload.embeds[0]!.description!.endsWith('…')).toBe(true);
      expect(payload.components.length).toBeLessThanOrEqual(ACTION_ROWS_MAX);
      for (const row of payload.components) {
        expect(row.components.length).toBeLessThanOrEqual(BUTTONS_PER_ROW);
        for (const button of row.components) {
          expect(button.label!.length).toBeLessThanOrEqual(BUTTON_LABEL_MAX);
          expect(button.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        }
      }
    }
  });

  it('never leaves a bold span open or a backslash dangling when it cuts', () => {
    const text = 'x'.repeat(4080) + '**'.repeat(20);
    const [embed] = renderReply(reply({ blocks: [{ kind: 'quote', text: 'a'.repeat(4090) + '*_*', highlights: [[4000, 4093]] }, prose(text)] })).embeds;
    const description = embed!.description!;
    expect(description.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    const unescapedBold = description.replace(/\\./g, '').match(/\*\*/g) ?? [];
    expect(unescapedBold.length % 2).toBe(0);
    expect(description.replace(/\\\\/g, '')).not.toMatch(/\\…$/);
  });

  it('leaves out a button whose state would not fit a custom_id instead of failing', () => {
    const long: ReplyAction = { kind: 'open', label: 'Long', request: { command: 'define', options: { term: 'x'.repeat(120) } } };
    const { components } = renderReply(reply({ actions: [long, ...reply().actions] }));
    expect(components.flatMap((r) => r.components).map((b) => b.label)).toEqual(['Post to channel', 'Sources']);
  });

  it('is pure: rendering the same reply twice gives equal payloads', () => {
    expect(renderReply(reply())).toEqual(renderReply(reply()));
  });
});
