/**
 * Discord answers in the reader's language, end to end through discord.js and the fake Discord:
 * a private reply in the interaction's `locale`, a public post in the server's (`guild_locale`),
 * the answer cache keeps each language's answer apart, and the answers warmed at start (English)
 * are warmed again in a reader's language when its first reader asks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand, type InteractionPlace } from '../../../fakes/discord/payloads.js';
import { buttonsOf, startBot, type CallbackBody, type RunningBot } from '../../fakes/discord/harness.js';

/**
 * A bot of its own in one server (started before the describe block's tests, stopped after), and a
 * slash command asked there with the given interaction and server locales.
 */
function botInOneServer(n: number) {
  const id = (base: string) => `${base}${n}`;
  let running: RunningBot;
  let guild: InteractionPlace;
  beforeAll(async () => {
    running = await startBot({}, { guilds: [{ id: id('110000000000000000'), name: 'Workshop', channelId: id('110000000000000010'), threadId: id('110000000000000020') }] });
    guild = { kind: 'guild', guild: running.fake.guilds[0]! };
  });
  afterAll(async () => {
    await running.stop();
  });
  const slash = async (name: string, options: { name: string; value: string | number }[], locales: { locale: string; guild_locale: string }) => {
    const callback = await running.ask({ ...slashCommand(running.fake.applicationId, guild, name, options), ...locales });
    return callback.body as CallbackBody;
  };
  return { slash, bot: () => running };
}

describe('Discord adapter: replies in the reader’s language', () => {
  const { slash } = botInOneServer(1);

  it('writes a private reply in the interaction’s locale, its buttons too', async () => {
    const body = await slash('define', [{ name: 'term', value: 'xylophone' }], { locale: 'ja', guild_locale: 'ko' });
    expect(body.data!.embeds![0]!.title).toBe('「xylophone」に一致する項目はありません');
    expect(JSON.stringify(body.data)).toContain('もしかして');
    const empathy = await slash('define', [{ name: 'term', value: 'empathy' }], { locale: 'zh-TW', guild_locale: 'ko' });
    expect(buttonsOf(empathy.data).map((b) => b.label)[0]).toBe('發布到頻道');
    expect(empathy.data!.embeds![0]!.footer!.text).toContain('Not for citation or wide circulation. For workshop purposes only.');
  });

  it('writes a public post in the server’s language', async () => {
    const body = await slash('define', [{ name: 'term', value: 'xylophone' }, { name: 'visibility', value: 'public' }], { locale: 'ja', guild_locale: 'ko' });
    expect(body.data!.embeds![0]!.title).toBe('“xylophone”에 해당하는 항목이 없습니다');
  });

  it('keeps each language’s answer apart in the answer cache', async () => {
    const ja = await slash('define', [{ name: 'term', value: 'wibble' }], { locale: 'ja', guild_locale: 'en-US' });
    const en = await slash('define', [{ name: 'term', value: 'wibble' }], { locale: 'en-US', guild_locale: 'en-US' });
    const zh = await slash('define', [{ name: 'term', value: 'wibble' }], { locale: 'zh-CN', guild_locale: 'en-US' });
    expect([ja, en, zh].map((body) => body.data!.embeds![0]!.title)).toEqual(['「wibble」に一致する項目はありません', 'No entry matches “wibble”', '没有与“wibble”匹配的词条']);
  });
});

describe('Discord adapter: answers warmed in the reader’s language', () => {
  // A bot of its own: no other test has asked it anything in Japanese.
  const { slash, bot } = botInOneServer(2);

  it('warms the common answers in a language when its first reader asks, and never gives that reader the English warm answer', async () => {
    const warmed = (locale: string) => bot().logger.lines.some((line) => line.includes('Discord: answers warmed') && line.includes(`"locale":"${locale}"`));
    await expect.poll(() => warmed('en'), { timeout: 10_000 }).toBe(true);
    expect(warmed('ja')).toBe(false);
    // /define empathy is among the answers warmed in English; a Japanese reader gets it in Japanese.
    const first = await slash('define', [{ name: 'term', value: 'empathy' }], { locale: 'ja', guild_locale: 'en-US' });
    expect(first.data!.embeds![0]!.footer!.text).toContain('と記されています');
    await expect.poll(() => warmed('ja'), { timeout: 10_000 }).toBe(true);
    const after = await slash('define', [{ name: 'term', value: 'trust' }], { locale: 'ja', guild_locale: 'en-US' });
    expect(after.data!.embeds![0]!.footer!.text).toContain('と記されています');
    expect(JSON.stringify(after.data)).not.toContain('is marked “Not for citation');
    // Once per language: a second Japanese reader warms nothing again.
    expect(bot().logger.lines.filter((line) => line.includes('Discord: answers warmed') && line.includes('"locale":"ja"'))).toHaveLength(1);
  });
});
