/**
 * `npm run slack:manifest [-- --url https://host] [--json] [--name Lexicon]`: print the Slack app
 * manifest. Without --url it is a Socket Mode manifest (no public URL needed); with --url, an
 * HTTP-mode manifest whose request URLs point at <url>/slack/events.
 */
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { buildManifest } from './manifest.js';

const USAGE = 'Usage: npm run slack:manifest -- [--url https://your-host] [--json] [--name "App name"]';

function main(argv: string[]): number {
  let values: { url?: string; json?: boolean; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, json: { type: 'boolean' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  // Slack unfurls links of the reading room's host: WEB_PUBLIC_URL's, or the app's own.
  const webUrl = process.env.WEB_PUBLIC_URL?.trim() || values.url;
  let unfurlDomain: string | undefined;
  try {
    unfurlDomain = webUrl ? new URL(webUrl).hostname : undefined;
  } catch {
    process.stderr.write('WEB_PUBLIC_URL is not an address; the manifest declares no unfurl domain\n');
  }
  const manifest = buildManifest({ socketMode: values.url === undefined, baseUrl: values.url, name: values.name, unfurlDomain });
  process.stdout.write(values.json ? JSON.stringify(manifest, null, 2) + '\n' : stringify(manifest));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
