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
import { createTranslator, type Translator } from '../i18n/translator.js';

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

function table(tr: Translator, caption: string, first: string, rows: Counted[], label: (key: string) => string = (key) => key): ReplyDraft['blocks'][number] {
  return { kind: 'table', caption, columns: [first, tr.t('stats.column.lookups')], rows: rows.map((row) => [label(row.key), tr.number(row.count)]) };
}

/** The stats reply, in the reader's language; `scopeLabel` says whose lookups these are ("this server", "all surfaces"). */
export function statsReply(lexicon: Lexicon, stats: LookupStats, scopeLabel: string, retentionDays: number, tr: Translator = createTranslator()): ReplyDraft {
  const days = stats.perDay.length;
  const draft = emptyDraft('list', tr.t('stats.title', { scope: scopeLabel, days }), { command: 'stats', options: {} });
  const entryTitle = (id: string) => lexicon.entry(id)?.term ?? id;
  if (stats.total === 0) {
    draft.blocks = [text(tr.t('stats.none', { since: stats.perDay[0]?.day ?? '—', days: retentionDays }))];
    return draft;
  }
  const first = stats.perDay[0]?.day ?? '';
  const last = stats.perDay.at(-1)?.day ?? '';
  const busiest = stats.perDay.reduce((best, day) => (day.count > best.count ? day : best), { day: '', count: 0 });
  draft.blocks = [
    text(tr.t('stats.total', { count: stats.total, first, last, chart: sparkline(stats.perDay.map((day) => day.count)), busiest: busiest.day, busiestCount: busiest.count })),
  ];
  if (stats.topEntries.length > 0) draft.blocks.push(table(tr, tr.t('stats.topEntries'), tr.t('stats.column.entry'), stats.topEntries, entryTitle));
  if (stats.topQueries.length > 0) draft.blocks.push(table(tr, tr.t('stats.topQueries'), tr.t('stats.column.term'), stats.topQueries));
  draft.blocks.push(
    stats.notFound.length > 0
      ? table(tr, tr.t('stats.notFound'), tr.t('stats.column.query'), stats.notFound)
      : text(tr.t('stats.allFound')),
  );
  if (stats.suggestionsOnly.length > 0) draft.blocks.push(table(tr, tr.t('stats.suggestionsOnly'), tr.t('stats.column.query'), stats.suggestionsOnly));
  draft.blocks.push(text(tr.t('stats.kept', { days: retentionDays })));
  return draft;
}
