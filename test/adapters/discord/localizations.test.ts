/**
 * Registration in the readers' languages: every command, option and choice carries a description
 * (or name) for each of our locales that Discord accepts, and names stay English.
 */
import { describe, expect, it } from 'vitest';
import { Locale as DiscordLocale } from 'discord.js';
import { commands, teamCommands } from '../../../commands/index.js';
import { describeOptions } from '../../../src/core/options.js';
import { applicationCommands } from '../../../src/adapters/discord/commands.js';
import { choiceNameKey, commandDescriptionKey, optionDescriptionKey } from '../../../src/adapters/discord/localizations.js';
import { catalogs, type MessageKey } from '../../../src/i18n/catalog.js';

type Localized = { description_localizations?: Record<string, string>; name_localizations?: Record<string, string> };
type Payload = Localized & {
  name: string;
  description?: string;
  options?: Option[];
};
type Option = Localized & { name: string; description: string; choices?: (Localized & { name: string; value: string })[]; options?: Option[] };

const OUR_DISCORD_LOCALES = ['zh-CN', 'zh-TW', 'ja', 'ko'];
const discordLocales = new Set<string>(Object.values(DiscordLocale));

/** Discord's rule for a description or a choice name: 1 to 100 characters. */
function expectValidText(text: string | undefined, where: string) {
  expect(text, where).toBeDefined();
  expect([...text!].length, where).toBeGreaterThanOrEqual(1);
  expect([...text!].length, where).toBeLessThanOrEqual(100);
  expect(text, `${where} was clipped`).not.toMatch(/…$/);
}

function expectLocalizations(map: Record<string, string> | undefined, where: string) {
  expect(Object.keys(map ?? {}).sort(), where).toEqual([...OUR_DISCORD_LOCALES].sort());
  for (const [locale, text] of Object.entries(map ?? {})) {
    expect(discordLocales.has(locale), `${where}: ${locale} is a Discord locale`).toBe(true);
    expectValidText(text, `${where} [${locale}]`);
  }
}

describe('Discord registration in every locale', () => {
  const payload = JSON.parse(JSON.stringify(applicationCommands(commands))) as Payload[];

  it('localizes the description of every command and option and the name of every choice, each 1–100 characters', () => {
    for (const command of payload.filter((c) => c.description !== undefined)) {
      expectValidText(command.description, command.name);
      expectLocalizations(command.description_localizations, command.name);
      // A subcommand's options (/settings language value) are held to the same rule.
      for (const option of (command.options ?? []).flatMap((option) => [option, ...(option.options ?? [])])) {
        expectValidText(option.description, `${command.name} ${option.name}`);
        expectLocalizations(option.description_localizations, `${command.name} ${option.name}`);
        for (const choice of option.choices ?? []) expectLocalizations(choice.name_localizations, `${command.name} ${option.name} ${choice.value}`);
      }
    }
    expect(payload.filter((c) => c.description_localizations).length).toBe(commands.length + teamCommands.length);
  });

  it('keeps names English: no name_localizations on commands or options', () => {
    for (const command of payload) {
      expect(command.name_localizations, command.name).toBeUndefined();
      for (const option of command.options ?? []) expect(option.name_localizations, option.name).toBeUndefined();
    }
  });

  it('sends what the catalogs say, e.g. /define in Japanese and the visibility choices in Korean', () => {
    const define = payload.find((c) => c.name === 'define')!;
    expect(define.description_localizations?.ja).toBe('用語の定義を執筆者自身の言葉のまま、訳語と脚注を添えて示します。');
    const visibility = define.options!.find((o) => o.name === 'visibility')!;
    expect(visibility.choices!.map((c) => c.name_localizations?.ko)).toEqual(['나만', '채널의 모든 사람']);
    const translate = payload.find((c) => c.name === 'translate')!;
    expect(translate.options!.find((o) => o.name === 'language')!.choices!.map((c) => c.name_localizations?.['zh-TW'])).toEqual(['中文（zh）', '日語（ja）', '韓語（ko）']);
  });

  it('the English catalog agrees with the descriptions the commands declare', () => {
    for (const command of commands) {
      expect(catalogs.en[commandDescriptionKey(command.name) as MessageKey], command.name).toBe(command.description);
      for (const option of describeOptions(command.options)) {
        expect(catalogs.en[optionDescriptionKey(command.name, option) as MessageKey], `${command.name} ${option.name}`).toBe(option.description);
        for (const choice of option.choices ?? []) {
          expect(catalogs.en[choiceNameKey(option, choice.value) as MessageKey], `${option.name} ${choice.value}`).toBe(choice.name);
        }
      }
    }
  });
});
