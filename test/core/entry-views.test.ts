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

  it('names each candidate once on every surface: on its button where there are buttons, else in the list', () => {
    const discord = renderDiscord(reply());
    const slack = renderSlack(reply());
    const consoleText = renderReplyForTerminal(reply(), { color: false, width: 100 });
    for (const text of [JSON.stringify(discord.embeds) + JSON.stringify(discord.components.flatMap((row) => row.components.map((b) => b.label))), JSON.stringify(slack.blocks), consoleText]) {
      expect(occurrences(text, 'Threat perception gap')).toBe(1);
    }
    expect(JSON.stringify(discord.embeds)).toContain('One of the buttons below?');
    const shared = renderDiscord(reply(), { kind: 'shared', sharedByUserId: '1' });
    expect(shared.embeds[0]!.fields?.find((f) => f.name === 'Did you mean')?.value).toBe('• Empathy\n• Threat perception gap');
  });

  it('still lists the candidates that no button offers', () => {
    const many: TermMatch[] = Array.from({ length: 7 }, (_, i) => ({ entryId: `entry-${i}`, label: `Entry ${i}`, score: 1, exact: true, matchedOn: 'term' }));
    const ambiguous: Reply = { ...ambiguousReply('x', many), page: { index: 1, count: 1 }, request: { command: 'define', options: {} } };
    const field = renderDiscord(ambiguous).embeds[0]!.fields?.find((f) => f.name === 'Did you mean');
    expect(field?.value).toBe('• Entry 5\n• Entry 6');
  });
});
