import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commands } from '../../../commands/index.js';
import { EVENTS_PATH } from '../../../src/adapters/slack/app.js';
import { buildManifest } from '../../../src/adapters/slack/manifest.js';
import { appHomeOpened, appMention, messageShortcut, slashCommand } from '../../fakes/slack/payloads.js';
import { allText } from './limits-check.js';
import { startHarness, type Harness } from './harness.js';

const run = promisify(execFile);

interface Manifest {
  features: { slash_commands: { command: string; url?: string; usage_hint: string }[]; shortcuts: { callback_id: string; type: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string };
    socket_mode_enabled: boolean;
  };
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
afterEach(() => h.slack.reset());

const manifest = buildManifest({ socketMode: true }) as unknown as Manifest;

describe('Slack app manifest', () => {
  it('declares exactly the slash commands the app listens to', () => {
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(h.app.slashCommands.map((spec) => spec.command));
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual(['/define', '/translate', '/cite', '/lexicon']);
  });

  it('has a listener answering every slash command it declares', async () => {
    for (const { command } of manifest.features.slash_commands) {
      const response = await h.sender.command(slashCommand(command, 'trust', h.slack.responseUrl()));
      expect(response.status, command).toBe(200);
      expect((response.body as { blocks: unknown[] }).blocks.length, command).toBeGreaterThan(0);
    }
  });

  it('reaches every command of commands/ through the umbrella, named in its usage hint', async () => {
    const umbrella = manifest.features.slash_commands.find((command) => command.command === '/lexicon')!;
    for (const command of commands) {
      expect(umbrella.usage_hint).toContain(command.name);
      const response = await h.sender.command(slashCommand('/lexicon', `${command.name} trust`, h.slack.responseUrl()));
      expect(allText(response.body as object), command.name).not.toContain('Unknown command');
    }
  });

  it('declares the shortcut and the events the app handles, with the scopes they need', async () => {
    const [shortcut] = manifest.features.shortcuts;
    expect(shortcut?.type).toBe('message');
    await h.sender.interaction(messageShortcut(shortcut!.callback_id, { ts: '1700000700.000100' }, h.slack.responseUrl()));
    await h.slack.waitFor(() => h.slack.callsOf('views.open')[0]);

    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'link_shared']);
    await h.sender.event(appMention('define trust', '1700000800.000100'));
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    await h.sender.event(appHomeOpened());
    await h.slack.waitFor(() => h.slack.callsOf('views.publish')[0]);

    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'users:read']));
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('points every request URL at /slack/events in HTTP mode', () => {
    const http = buildManifest({ socketMode: false, baseUrl: 'https://lexicon.example.org' }) as unknown as Manifest;
    const url = `https://lexicon.example.org${EVENTS_PATH}`;
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.features.slash_commands.every((command) => command.url === url)).toBe(true);
    expect(http.settings.event_subscriptions.request_url).toBe(url);
    expect(http.settings.interactivity).toMatchObject({ request_url: url, message_menu_options_url: url });
    expect(() => buildManifest({ socketMode: false })).toThrow(/base URL/);
  });

  it('names the OAuth redirect URL, the install events and org-wide installs for many workspaces', () => {
    const oauth = buildManifest({ socketMode: false, baseUrl: 'https://lexicon.example.org', oauth: true }) as unknown as Manifest & {
      oauth_config: { redirect_urls: string[] };
      settings: { org_deploy_enabled: boolean };
    };
    expect(oauth.oauth_config.redirect_urls).toEqual(['https://lexicon.example.org/slack/oauth_redirect']);
    expect(oauth.oauth_config.scopes.bot).toEqual(manifest.oauth_config.scopes.bot);
    expect(oauth.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_uninstalled', 'tokens_revoked', 'app_mention']));
    expect(oauth.settings.org_deploy_enabled).toBe(true);
    expect(manifest).not.toHaveProperty('oauth_config.redirect_urls');
    expect(() => buildManifest({ socketMode: true, oauth: true })).toThrow(/OAuth/);
  });

  // Three child processes through tsx: seconds each on a busy shared machine.
  it('is printed by `npm run slack:manifest` as YAML, or JSON with --json', { timeout: 90_000 }, async () => {
    const cli = ['tsx', 'src/adapters/slack/manifest-cli.ts'];
    const yaml = await run('npx', cli, { cwd: process.cwd() });
    expect(parse(yaml.stdout)).toEqual(JSON.parse(JSON.stringify(manifest)));
    const json = await run('npx', [...cli, '--json', '--url', 'https://lexicon.example.org'], { cwd: process.cwd() });
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(buildManifest({ socketMode: false, baseUrl: 'https://lexicon.example.org', unfurlDomain: 'lexicon.example.org' }))));
    await expect(run('npx', [...cli, '--url', 'not a url'], { cwd: process.cwd() })).rejects.toMatchObject({ code: 2 });
    // Three cold starts of tsx: allow for a machine shared with other test runs.
  });
});
