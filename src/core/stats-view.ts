/**
 * The curators' view of what people looked for, as a platform-neutral reply: totals, a sparkline
 * of lookups per day, the most looked-up entries and terms, and the queries that found nothing or
 * only suggestions (what the lexicon lacks). Every surface renders it like any other reply.
 */
import type { ReplyDraft } from './command.js';
import { emptyDraft } from './entry-views.js';
import type { Lexicon } from './lexicon.js';
import type { Counted, LookupStats } from './store.js';
import { text } from './reply.js';

const DAY_MS = 86_400_000;
const BARS = '▁▂▃▄▅▆▇█';

/** A text chart of counts: one bar per value, scaled to the largest; a day without lookups is the lowest bar. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values.map((value) => (value <= 0 || max === 0 ? BARS[0] : BARS[1 + Math.min(6, Math.floor((value / max) * 6.999))])).join('');
}

/** Parse a period such as 30d, 12w, 24h or 2026-11-01 into a start time; undefined when not one. */
export function parseSince(text: string, now = Date.now()): number | undefined {
  const match = /^(\d{1,4})\s*([hdw])$/i.exec(text.trim());
  if (match) {
    const amount = Number(match[1]);
    const unit = { h: DAY_MS / 24, d: DAY_MS, w: 7 * DAY_MS }[match[2]!.toLowerCase() as 'h' | 'd' | 'w'];
    return amount > 0 ? now - amount * unit : undefined;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    const at = Date.parse(`${text.trim()}T00:00:00Z`);
    return Number.isNaN(at) ? undefined : at;
  }
  return undefined;
}

function table(caption: string, first: string, rows: Counted[], label: (key: string) => string = (key) => key): ReplyDraft['blocks'][number] {
  return { kind: 'table', caption, columns: [first, 'Lookups'], rows: rows.map((row) => [label(row.key), String(row.count)]) };
}

/** The stats reply; `scopeLabel` says whose lookups these are ("this server", "all surfaces"). */
export function statsReply(lexicon: Lexicon, stats: LookupStats, scopeLabel: string, retentionDays: number): ReplyDraft {
  const days = stats.perDay.length;
  const draft = emptyDraft('list', `What people looked for: ${scopeLabel}, last ${days} day${days === 1 ? '' : 's'}`, { command: 'stats', options: {} });
  const entryTitle = (id: string) => lexicon.entry(id)?.term ?? id;
  if (stats.total === 0) {
    draft.blocks = [text(`No lookups recorded since ${stats.perDay[0]?.day ?? 'then'}. Lookups are kept ${retentionDays} days.`)];
    return draft;
  }
  const first = stats.perDay[0]?.day ?? '';
  const last = stats.perDay.at(-1)?.day ?? '';
  const busiest = stats.perDay.reduce((best, day) => (day.count > best.count ? day : best), { day: '', count: 0 });
  draft.blocks = [
    text(`${stats.total} lookup${stats.total === 1 ? '' : 's'}. Per day, ${first} to ${last}: ${sparkline(stats.perDay.map((day) => day.count))} (busiest ${busiest.day}: ${busiest.count})`),
  ];
  if (stats.topEntries.length > 0) draft.blocks.push(table('Most looked-up entries', 'Entry', stats.topEntries, entryTitle));
  if (stats.topQueries.length > 0) draft.blocks.push(table('Most looked-up terms', 'Term', stats.topQueries));
  draft.blocks.push(
    stats.notFound.length > 0
      ? table('Found nothing (what the lexicon lacks)', 'Query', stats.notFound)
      : text('Every query found something.'),
  );
  if (stats.suggestionsOnly.length > 0) draft.blocks.push(table('Found only suggestions (did you mean…)', 'Query', stats.suggestionsOnly));
  draft.blocks.push(text(`Lookups are kept ${retentionDays} days; no message text is kept.`));
  return draft;
}
