import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, configuredSurfaces, discordMode, parseConfig, slackMode, type Config } from '../src/config.js';

/** The message parseConfig throws for an environment, or undefined if it is accepted. */
function configProblem(env: NodeJS.ProcessEnv): string | undefined {
  try {
    parseConfig(env);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
}

describe('parseConfig', () => {
  it('accepts an empty environment: no credentials means console only, with defaults', () => {
    const config = parseConfig({});
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.PORT).toBe(3000);
    expect(configuredSurfaces(config)).toEqual({ discord: false, slack: false });
  });

  it('accepts the shipped .env.example as it is', () => {
    const example = parseDotenv(readFileSync(new URL('../.env.example', import.meta.url)));
    const config = parseConfig(example);
    expect(configuredSurfaces(config)).toEqual({ discord: false, slack: false });
  });

  it('treats empty values as unset, as a copied .env.example leaves them', () => {
    const config = parseConfig({ PORT: '', LOG_LEVEL: '', DISCORD_TOKEN: '', DISCORD_GUILD_ID: ' ', SLACK_BOT_TOKEN: '' });
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DISCORD_TOKEN).toBeUndefined();
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
  });

  it('reads typed values', () => {
    const config = parseConfig({
      PORT: '8080',
      LOG_LEVEL: 'debug',
      DISCORD_TOKEN: 'token',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_SHARD_COUNT: '4',
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_APP_TOKEN: 'xapp-1-2',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
    });
    expect(config.PORT).toBe(8080);
    expect(config.DISCORD_SHARD_COUNT).toBe(4);
    expect(configuredSurfaces(config)).toEqual({ discord: true, slack: true });
    expectTypeOf(config.PORT).toEqualTypeOf<number>();
    expectTypeOf<Config['LOG_LEVEL']>().toEqualTypeOf<'debug' | 'info' | 'warn' | 'error' | 'silent'>();
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'abc', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN', 'starting with xoxb-'],
    [{ SLACK_APP_TOKEN: 'abc' }, 'SLACK_APP_TOKEN', 'starting with xapp-'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET', 'set SLACK_APP_TOKEN for Socket Mode'],
    [{ DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID', '17 to 20 digits'],
    [{ DISCORD_APPLICATION_ID: 'my-app' }, 'DISCORD_APPLICATION_ID', '17 to 20 digits'],
    [{ DISCORD_API_URL: 'notaurl' }, 'DISCORD_API_URL', 'http(s) URL'],
    [{ SLACK_API_URL: 'ftp://example.org' }, 'SLACK_API_URL', 'http(s) URL'],
    [{ PORT: '99999' }, 'PORT', 'from 0 to 65535'],
    [{ PORT: 'eighty' }, 'PORT', 'from 0 to 65535'],
    [{ DISCORD_SHARD_COUNT: '0' }, 'DISCORD_SHARD_COUNT', '"auto" or a whole number'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'one of debug, info, warn, error, silent'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_SIGNING_SECRET: 'x' }, 'SLACK_STATE_SECRET', 'required with SLACK_CLIENT_ID'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_STATE_SECRET: '0123456789abcdef', SLACK_SIGNING_SECRET: 'x' }, 'SLACK_CLIENT_SECRET', 'required with SLACK_CLIENT_ID'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: '0123456789abcdef', SLACK_SIGNING_SECRET: 'x', SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_BOT_TOKEN', 'must not be set with SLACK_CLIENT_ID'],
    [{ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: '0123456789abcdef', SLACK_SIGNING_SECRET: 'x', SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_APP_TOKEN', 'not Socket Mode'],
    [{ SLACK_STATE_SECRET: 'short' }, 'SLACK_STATE_SECRET', 'at least 16 characters'],
    [{ DISCORD_PUBLIC_KEY: 'not-a-key' }, 'DISCORD_PUBLIC_KEY', '64 hexadecimal characters'],
    [{ DISCORD_INTERACTIONS_PORT: 'x' }, 'DISCORD_INTERACTIONS_PORT', 'from 0 to 65535'],
  ])('rejects %j with one line naming %s and the fix', (env, variable, fix) => {
    const message = configProblem(env);
    expect(message).toBeDefined();
    expect(message).not.toContain('\n');
    expect(message).toContain(`${variable} `);
    expect(message).toContain(fix);
  });

  it('chooses the Slack and Discord modes from what is set: OAuth installs, an HTTP interactions endpoint', () => {
    const oauth = parseConfig({ SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: '0123456789abcdef', SLACK_SIGNING_SECRET: 'x' });
    expect(configuredSurfaces(oauth)).toEqual({ discord: false, slack: true });
    expect(slackMode(oauth)).toBe('oauth');
    expect(slackMode(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
    expect(slackMode(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x' }))).toBe('http');
    const http = parseConfig({ DISCORD_PUBLIC_KEY: 'AB'.repeat(32) });
    expect(configuredSurfaces(http)).toEqual({ discord: true, slack: false });
    expect(discordMode(http)).toBe('http');
    expect(http.DISCORD_PUBLIC_KEY).toBe('ab'.repeat(32));
    expect(http.DISCORD_INTERACTIONS_PORT).toBe(3001);
    expect(discordMode(parseConfig({ DISCORD_TOKEN: 'x.y.z' }))).toBe('gateway');
  });

  it('names every bad variable in the same single line', () => {
    const message = configProblem({ PORT: '-1', DISCORD_GUILD_ID: 'x' });
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).toContain('PORT ');
    expect(message).toContain('DISCORD_GUILD_ID ');
    expect(message).not.toContain('\n');
  });
});
