import { describe, expect, it } from 'vitest';
import { ambiguousReply } from '../../src/core/entry-views.js';
import type { Reply } from '../../src/core/reply.js';
import type { TermMatch } from '../../src/search/types.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { renderReplyForTerminal } from '../../src/adapters/console/render.js';

const matches: TermMatch[] = [
  { entryId: 'empathy', label: 'Empathy', score: 10, exact: true, matchedOn: 'author' },
  { entryId: 'threat-perception-gap', label: 'Threat perception gap', score: 10, exact: true, matchedOn: 'author' },
];

function reply(): Reply {
  return { ...ambiguousReply('welch', matches), page: { index: 1, count: 1 }, request: { command: 'define', options: {} } };
}

const occurrences = (text: string, label: string) => text.split(label).length - 1;

describe('ambiguousReply', () => {
  it('offers every candidate as a suggestion with a button', () => {
    const ambiguous = reply();
    expect(ambiguous.suggestionViews.map((view) => view.label)).toEqual(['Empathy', 'Threat perception gap']);
    expect(ambiguous.actions.map((action) => action.request.options.term)).toEqual(['empathy', 'threat-perception-gap']);
  });

  it('lists the candidates once on every surface, not in the body and again as "Did you mean"', () => {
    const discord = renderDiscord(reply()).embeds[0]!;
    const discordText = [discord.description ?? '', ...(discord.fields ?? []).map((f) => f.value)].join('\n');
    const slackText = renderSlack(reply())
      .blocks.filter((block) => block.type !== 'actions')
      .map((block) => JSON.stringify(block))
      .join('\n');
    const consoleText = renderReplyForTerminal(reply(), { color: false, width: 100 });
    for (const text of [discordText, slackText, consoleText]) expect(occurrences(text, 'Threat perception gap')).toBe(1);
  });
});
