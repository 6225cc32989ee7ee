/**
 * `npm run slack:manifest [-- --url https://host] [--oauth] [--json] [--name Lexicon]`: print the
 * Slack app manifest. Without --url it is a Socket Mode manifest (no public URL needed); with --url, an
 * HTTP-mode manifest whose request URLs point at <url>/slack/events; with --oauth too (or
 * SLACK_CLIENT_ID set), one for installs in many workspaces, redirecting to <url>/slack/oauth_redirect.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { loadConfiguration, reportStartupFailure } from '../../startup.js';
import { buildManifest } from './manifest.js';
import type { Config } from '../../config.js';

const USAGE = 'Usage: npm run slack:manifest -- [--url https://your-host] [--oauth] [--json] [--name "App name"]';

function main(argv: string[]): number {
  let values: { url?: string; json?: boolean; name?: string; help?: boolean; oauth?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, oauth: { type: 'boolean' }, json: { type: 'boolean' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.url !== undefined && !/^https?:\/\/[^\s/]+/.test(values.url)) {
    process.stderr.write(`--url must be the public base URL of the app, e.g. https://lexicon.example.org\n${USAGE}\n`);
    return 2;
  }
  let config: Config;
  try {
    // The same start-up path as the bot: a broken .env is reported here too, not at deploy time.
    config = loadConfiguration();
  } catch (error) {
    return reportStartupFailure(error);
  }
  // Slack unfurls links of the reading room's host: WEB_PUBLIC_URL's, or the app's own.
  const webUrl = config.WEB_PUBLIC_URL ?? values.url;
  let unfurlDomain: string | undefined;
  try {
    unfurlDomain = webUrl ? new URL(webUrl).hostname : undefined;
  } catch {
    process.stderr.write('--url is not an address; the manifest declares no unfurl domain\n');
  }
  const oauth = values.oauth === true || config.SLACK_CLIENT_ID !== undefined;
  if (oauth && values.url === undefined) {
    process.stderr.write(`Installs in many workspaces${values.oauth ? ' (--oauth)' : ' (SLACK_CLIENT_ID is set)'} need the public base URL for the OAuth redirect: add --url https://your-host\n${USAGE}\n`);
    return 2;
  }
  const manifest = buildManifest({ socketMode: values.url === undefined, baseUrl: values.url, oauth, name: values.name, unfurlDomain });
  process.stdout.write(values.json ? JSON.stringify(manifest, null, 2) + '\n' : stringify(manifest));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
