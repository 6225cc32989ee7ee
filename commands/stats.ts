/**
 * `/stats`: what people looked for here (this server or workspace): the most looked-up entries and
 * terms, the queries that found nothing or only suggestions, and a sparkline of lookups per day.
 * The same figures as `npm run -s lexicon -- stats`. Restricted to those who manage the server or
 * workspace; each platform enforces that.
 */
import { emptyDraft } from '../src/core/entry-views.js';
import { text } from '../src/core/reply.js';
import { parseSince, statsReply } from '../src/core/stats-view.js';
import { defineTeamCommand } from '../src/core/team-command.js';

/** The period shown when none is asked for. */
export const DEFAULT_PERIOD = '30d';

export default defineTeamCommand({
  name: 'stats',
  description: 'What people looked up here, and what they looked for and did not find',
  permission: 'manage-workspace',
  subcommands: [],
  options: [{ name: 'since', description: 'The period: 30d (default), 12w, 24h, or a date such as 2026-11-01', descriptionKey: 'command.stats.option.since', required: false }],
  examples: ['stats', 'stats 7d'],
  readWords(words, tr) {
    const rest = words[0] === '--since' ? words.slice(1) : words;
    if (rest.length > 1) return { error: tr.t('stats.onePeriod', { example: 'stats 7d' }) };
    const options: Record<string, string> = rest[0] ? { since: rest[0] } : {};
    return { subcommand: undefined, options };
  },
  async handle(request, context) {
    const { memory, place, tr } = context;
    const since = parseSince(request.options.since ?? DEFAULT_PERIOD);
    if (since === undefined) {
      const draft = emptyDraft('usage-error', tr.t('usage.title', { usage: 'stats [since]' }), { command: 'stats', options: {} });
      draft.blocks = [text(tr.t('stats.badPeriod', { examples: '30d, 12w, 24h', date: '2026-11-01' }))];
      return draft;
    }
    const stats = await memory.stats({ since, limit: 10, workspaceId: place.workspaceId });
    return statsReply(context.lexicon, stats, tr.t('settings.scope.workspace', { place: place.platform }), context.retentionDays, tr);
  },
});
