import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_ID, slashCommand, USER_ID } from '../../fakes/slack/payloads.js';
import { allText, limitProblems } from './limits-check.js';
import { startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
afterEach(() => h.slack.reset());

async function run(command: string, text: string) {
  const response = await h.sender.command(slashCommand(command, text, h.slack.responseUrl()));
  expect(response.status).toBe(200);
  return response.body as Json;
}

describe('Slack slash commands (real Bolt, HTTP mode, signed requests)', () => {
  it('answers /define in the acknowledgement itself: ephemeral Block Kit, the author’s words quoted, no Web API call but the user’s locale', async () => {
    const body = await run('/define', 'empathy');
    expect(body.response_type).toBe('ephemeral');
    expect(limitProblems(body)).toEqual([]);
    const text = allText(body);
    expect(text).toContain('> Empathy is the capacity to see the world from another’s perspective.');
    expect(text).toContain('David A. Welch');
    expect(text).toContain('Not for citation or wide circulation');
    // users.info (include_locale) is asked once per user and remembered: the language of private answers.
    expect(h.slack.apiCalls.filter((call) => call.method !== 'auth.test' && call.method !== 'users.info')).toEqual([]);
    expect(h.slack.responseUrlCalls).toEqual([]);
  });

  it('answers privately in the user’s Slack locale (users.info with include_locale, cached), and publicly in the workspace’s', async () => {
    h.slack.answer('users.info', (args) => ({ ok: true, user: { id: args.user, locale: args.user === 'U0JAPANESE' ? 'ja-JP' : 'ko-KR' } }));
    const ask = async (text: string, user: string) => {
      const payload = slashCommand('/define', text, h.slack.responseUrl());
      const response = await h.sender.command({ ...payload, user_id: user });
      return response.body as Json;
    };
    const ja = await ask('xylophone', 'U0JAPANESE');
    expect(allText(ja)).toContain('「xylophone」に一致する項目はありません');
    expect(allText(ja)).toContain('もしかして');
    expect(limitProblems(ja)).toEqual([]);
    await ask('wibble', 'U0JAPANESE');
    expect(h.slack.callsOf('users.info').filter((call) => call.args.user === 'U0JAPANESE')).toHaveLength(1);
    expect(h.slack.callsOf('users.info')[0]!.args.include_locale).toBeTruthy();
    const ko = await ask('xylophone', 'U0KOREAN01');
    expect(allText(ko)).toContain('“xylophone”에 해당하는 항목이 없습니다');
    // A public post is for the channel: without a channel or workspace setting, the document's English.
    const posted = await ask('trust --public', 'U0JAPANESE');
    expect(posted.response_type).toBe('in_channel');
    expect(allText(posted)).toContain('” is marked “');
    expect(allText(posted)).not.toContain('記されています');
  });

  it('answers /translate with a trailing language code: only that language’s recorded renderings, with provenance', async () => {
    const body = await run('/translate', 'trust ja');
    const text = allText(body);
    expect(text).toContain('*Japanese* — trust:');
    expect(text).not.toMatch(/\*(Korean|Chinese \(Mandarin\))\* — /);
    expect(text).toContain('Source:');
    expect(limitProblems(body)).toEqual([]);
  });

  it('answers /cite with a trailing footnote number: that footnote and how to cite the piece', async () => {
    const body = await run('/cite', 'trust 28');
    const text = allText(body);
    expect(text).toMatch(/²⁸|28/);
    expect(text).toContain('Cooperative Security 2.0');
    expect(text).toContain('Not for citation or wide circulation');
  });

  it.each([
    ['search south china sea', 'search'],
    ['compare confidence trust', 'compare'],
    ['help', 'help'],
    ['entries', 'entries'],
    ['define trust', 'define'],
    ['translate empathy zh', 'translate'],
    ['cite empathy', 'cite'],
  ])('reaches every command through the umbrella: /lexicon %s', async (text) => {
    const body = await run('/lexicon', text);
    expect(body.response_type).toBe('ephemeral');
    expect(limitProblems(body)).toEqual([]);
    expect(allText(body)).not.toMatch(/Unknown command|Usage:/);
  });

  it('shows help for a bare /lexicon and lists the commands for an unknown one', async () => {
    const bare = allText(await run('/lexicon', ''));
    for (const name of ['define', 'translate', 'cite', 'search', 'compare', 'entries', 'help']) expect(bare).toContain(name);
    // Words that are no command are read as a question or a term, not "unknown command".
    const unknown = allText(await run('/lexicon', 'frobnicate trust'));
    expect(unknown).toContain('The document does not discuss');
    const question = allText(await run('/lexicon', 'what does ARF stand for?'));
    expect(question).toContain('ASEAN Regional Forum');
    expect(question).toContain('Answered with /define ARF');
  });

  it('parses quoted multi-word terms, including the curly quotes Slack clients type', async () => {
    const straight = allText(await run('/lexicon', 'compare "confidence building measures" trust'));
    const curly = allText(await run('/lexicon', 'compare “confidence building measures” trust'));
    expect(straight).toBe(curly);
    expect(straight).toContain('Trust');
    expect(straight).not.toContain('Usage:');
  });

  it('undoes Slack’s escaping before searching, and escapes what it echoes so nobody is notified', async () => {
    // Slack sends "<!channel> & trust" typed by a user as "&lt;!channel&gt; &amp; trust".
    const body = await run('/lexicon', 'search &lt;!channel&gt; &amp; &lt;@U0VICTIM&gt; trust');
    expect(limitProblems(body)).toEqual([]);
    // Every mrkdwn text is escaped and verbatim (limitProblems checks both); the header is plain_text, which Slack never parses.
    const header = (body.blocks as Json[])[0] as { text: { type: string; text: string } };
    expect(header.text).toEqual({ type: 'plain_text', text: 'Search: “<!channel> & <@U0VICTIM> trust”', emoji: true });
    expect(String(body.text)).toContain('&lt;!channel&gt; &amp; &lt;@U0VICTIM&gt;');
    expect(String(body.text)).not.toMatch(/<[!@]/);
    const unescaped = allText(await run('/define', 'self &amp; restraint'));
    expect(unescaped).not.toContain('&amp;amp;');
  });

  it('answers a usage error for a bad option, not a crash', async () => {
    const body = await run('/cite', 'trust 999');
    expect(body.response_type).toBe('ephemeral');
    expect(allText(body)).toContain('Footnotes are numbered 1 to 133');
    const empty = await run('/define', '');
    expect(allText(empty)).toMatch(/needs a term|Usage/);
  });

  it('keeps 10,000 characters of input within Slack’s limits', async () => {
    for (const text of ['x'.repeat(10_000), '信'.repeat(10_000), '👩🏽‍🔬'.repeat(1500), '&lt;!here&gt; '.repeat(700)]) {
      const body = await run('/lexicon', `search ${text}`);
      expect(limitProblems(body)).toEqual([]);
    }
  });

  it('posts in the channel with --public, saying who asked, with paging for them and no share button', async () => {
    const body = await run('/define', 'trust --public');
    expect(body.response_type).toBe('in_channel');
    expect(allText(body)).toContain(`Shared by <@${USER_ID}>`);
    const actions = (body.blocks as Json[]).find((block) => block.type === 'actions') as { block_id: string; elements: { text: { text: string } }[] };
    expect(actions.block_id).toBe(`lx-asked-by:${USER_ID}`);
    expect(actions.elements.map((button) => button.text.text)).not.toContain('Post to channel');
    expect(CHANNEL_ID).toBeTruthy();
  });
});
