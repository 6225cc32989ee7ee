import { describe, expect, it } from 'vitest';
import { ambiguousReply, resolveTerm } from '../../src/core/resolver.js';
import type { Reply } from '../../src/core/reply.js';
import type { TermMatch } from '../../src/search/types.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { renderReplyForTerminal } from '../../src/adapters/console/render.js';
import { suggestionActions } from '../../src/core/entry-views.js';
import { fixtureLexicon } from '../fixtures/lexicon.js';
import { suggestionsOf } from '../commands/helpers.js';

const matches: TermMatch[] = [
  { entryId: 'empathy', label: 'Empathy', score: 10, exact: true, matchedOn: 'author' },
  { entryId: 'threat-perception-gap', label: 'Threat perception gap', score: 10, exact: true, matchedOn: 'author' },
];

const request = { command: 'define', options: { term: 'welch' } };

function reply(): Reply {
  return { ...ambiguousReply({ lexicon: fixtureLexicon(), request }, 'welch', matches, 'define'), page: { index: 1, count: 1 } };
}

const occurrences = (text: string, label: string) => text.split(label).length - 1;

describe('the resolver', () => {
  it('returns a target for an exact reference, a name or an alias', () => {
    const context = { lexicon: fixtureLexicon(), request };
    expect(resolveTerm(context, 'empathy/confidence', 'define').target?.section?.id).toBe('confidence');
    expect(resolveTerm(context, 'strategic restraint', 'define').target?.entry.id).toBe('self-restraint');
  });

  it('returns a ready no-match reply with suggestions the asking command answers', () => {
    const resolved = resolveTerm({ lexicon: fixtureLexicon(), request }, 'wibble wobble', 'translate');
    expect(resolved.target).toBeUndefined();
    expect(resolved.reply?.kind).toBe('no-match');
    expect(resolved.reply?.request).toEqual(request);
    const block = resolved.reply!.blocks.find((b) => b.kind === 'suggestions');
    expect(block && block.kind === 'suggestions' ? block.command : undefined).toBe('translate');
  });

  it('offers every candidate of an ambiguous term as a suggestion with a button', () => {
    const ambiguous = reply();
    expect(suggestionsOf(ambiguous).map((view) => view.label)).toEqual(['Empathy', 'Threat perception gap']);
    const block = ambiguous.blocks.find((b) => b.kind === 'suggestions');
    expect(block?.kind === 'suggestions' ? suggestionActions(block).map((action) => action.request.options.term) : []).toEqual(['empathy', 'threat-perception-gap']);
  });

  it('names each candidate once on every surface: on its button where there are buttons, else in the list', () => {
    const discord = renderDiscord(reply());
    const shared = renderDiscord(reply(), { kind: 'public', sharedByUserId: '1' });
    const slack = renderSlack(reply());
    const consoleText = renderReplyForTerminal(reply(), { color: false, width: 100 });
    const discordText = (payload: typeof discord) => JSON.stringify(payload.embeds) + JSON.stringify(payload.components.flatMap((row) => row.components.map((b) => b.label)));
    for (const text of [discordText(discord), discordText(shared), JSON.stringify(slack.blocks), consoleText]) {
      expect(occurrences(text, 'Threat perception gap')).toBe(1);
    }
    expect(JSON.stringify(discord.embeds)).toContain('One of the buttons below?');
  });
});
