/**
 * `npm run register`: the payload Discord receives is the command list the bot serves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands, teamCommands } from '../../../commands/index.js';
import { describeOptions } from '../../../src/core/options.js';
import { applicationCommands, LOOKUP_COMMAND_NAME } from '../../../src/adapters/discord/commands.js';
import { main, registerCommands } from '../../../src/adapters/discord/register.js';
import { realLexicon } from '../../fakes/discord/harness.js';
import { FakeDiscord } from '../../../fakes/discord/fake-discord.js';

type RegisteredBody = {
  name: string;
  type: number;
  description?: string;
  integration_types: number[];
  contexts: number[];
  options?: { name: string; type: number; required: boolean; autocomplete?: boolean; choices?: { name: string; value: string }[]; min_value?: number; max_value?: number }[];
}[];

describe('Discord command registration', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.stop();
    fake = undefined;
  });

  it('PUTs one slash command per command of the list, with typed options (footnotes bounded by the lexicon), plus the context-menu command', async () => {
    fake = await FakeDiscord.start();
    const { footnoteCount } = await realLexicon();
    expect(footnoteCount).toBe(133);
    const { scope, registered } = await registerCommands({ token: fake.token, applicationId: fake.applicationId, api: fake.apiUrl, footnoteCount });
    expect(scope).toBe('global');
    const put = await fake.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${fake!.applicationId}/commands`);
    const body = put.body as RegisteredBody;
    expect(body).toEqual(JSON.parse(JSON.stringify(applicationCommands(commands, { footnoteCount }))));
    expect(body.map((c) => c.name)).toEqual([...commands.map((c) => c.name), ...teamCommands.map((c) => c.name), LOOKUP_COMMAND_NAME]);
    expect(registered.map((c) => c.name)).toEqual(body.map((c) => c.name));
    for (const command of commands) {
      const sent = body.find((c) => c.name === command.name)!;
      expect(sent.type).toBe(1);
      expect(sent.description).toBe(command.description);
      expect(sent.integration_types).toEqual([0, 1]);
      expect(sent.contexts).toEqual([0, 1, 2]);
      const declared = describeOptions(command.options);
      expect((sent.options ?? []).map((o) => o.name).sort()).toEqual(declared.map((o) => o.name).sort());
      for (const option of sent.options ?? []) {
        const descriptor = declared.find((d) => d.name === option.name)!;
        expect(option.required).toBe(descriptor.required);
        if (descriptor.kind === 'term') expect(option.autocomplete).toBe(true);
        if (descriptor.kind === 'language') expect(option.choices?.map((c) => c.value)).toEqual(['zh', 'ja', 'ko']);
        if (descriptor.kind === 'visibility') expect(option.choices?.map((c) => c.value)).toEqual(['private', 'public']);
        if (descriptor.kind === 'footnote') expect([option.type, option.min_value, option.max_value]).toEqual([4, 1, 133]);
      }
      // Discord rejects a required option after an optional one.
      const required = (sent.options ?? []).map((o) => o.required);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
    const lookup = body.at(-1)!;
    expect(lookup).toEqual({ type: 3, name: LOOKUP_COMMAND_NAME, integration_types: [0, 1], contexts: [0, 1, 2] });
  });

  it('registers in one guild when DISCORD_GUILD_ID is set, reading the application id from the token, and prints what it registered', async () => {
    fake = await FakeDiscord.start();
    const printed: string[] = [];
    const code = await main({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: '1100000000000000001', DISCORD_API_URL: fake.apiUrl }, (line) => printed.push(line));
    expect(code).toBe(0);
    const put = await fake.waitForRequest((r) => r.method === 'PUT');
    expect(put.path).toBe(`/applications/${fake.applicationId}/guilds/1100000000000000001/commands`);
    expect(printed[0]).toBe(`Registered ${commands.length + teamCommands.length + 1} commands (guild 1100000000000000001) for application ${fake.applicationId}:`);
    expect(printed).toContain('  /define  [slash]');
    expect(printed).toContain(`  ${LOOKUP_COMMAND_NAME}  [message menu]`);
  });

  it('refuses a bad configuration before calling Discord', async () => {
    fake = await FakeDiscord.start();
    const errors: string[] = [];
    const code = await main({ DISCORD_TOKEN: fake.token, DISCORD_GUILD_ID: 'not-a-guild', DISCORD_API_URL: fake.apiUrl }, () => undefined, (line) => errors.push(line));
    expect(code).toBe(1);
    expect(errors).toEqual(['Invalid configuration: DISCORD_GUILD_ID must be a Discord id (17 to 20 digits)']);
    expect(fake.requests).toEqual([]);
  });

  it('registers /settings and /stats for server installs only, shown by default to members with Manage Server, with one subcommand per setting', () => {
    type Option = { name: string; type: number; choices?: { value: string }[]; options?: Option[] };
    const body = JSON.parse(JSON.stringify(applicationCommands(commands))) as { name: string; default_member_permissions?: string; integration_types?: number[]; contexts?: number[]; options?: Option[] }[];
    for (const name of ['settings', 'stats']) {
      const sent = body.find((c) => c.name === name)!;
      expect(sent.default_member_permissions, name).toBe('32');
      expect(sent.integration_types, name).toEqual([0]);
      expect(sent.contexts, name).toEqual([0]);
    }
    const settings = body.find((c) => c.name === 'settings')!;
    expect(settings.options!.map((o) => [o.name, o.type])).toEqual([['show', 1], ['language', 1], ['visibility', 1], ['citation', 1], ['allow-public', 1], ['ui-language', 1]]);
    const language = settings.options!.find((o) => o.name === 'language')!;
    expect(language.options!.find((o) => o.name === 'value')!.choices!.map((c) => c.value)).toEqual(['zh', 'ja', 'ko', 'default']);
    expect(language.options!.find((o) => o.name === 'scope')!.choices!.map((c) => c.value)).toEqual(['server', 'channel']);
  });
});
