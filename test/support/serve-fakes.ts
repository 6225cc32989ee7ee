/**
 * The fake Discord and fake Slack (Web API and Socket Mode) in a process of their own, for
 * `src/bench/rss-bench.ts`: it prints one JSON line with their addresses and tokens, then serves
 * until its standard input closes.
 */
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { FakeSocketMode } from '../fakes/slack/fake-socket.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.js';

const discord = await FakeDiscord.start();
const slack = await new FakeSlack().start();
const socket = await new FakeSocketMode().start();
slack.socketUrl = socket.url;
process.stdout.write(
  JSON.stringify({ discordToken: discord.token, discordApiUrl: discord.apiUrl, slackApiUrl: slack.apiUrl, slackBotToken: BOT_TOKEN, slackSigningSecret: SIGNING_SECRET }) + '\n',
);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([discord.stop(), slack.stop(), socket.stop()]).then(() => process.exit(0));
});
