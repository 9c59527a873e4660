/**
 * Atom feeds of the catalogue: calls newest-changed first, one entry per call, with the deadline,
 * its state and any extension in the summary. Escaped by hand: the feed is plain XML text.
 */
import { deadlineStatus } from '../rank/deadline.js';
import type { Call, IsoDate } from '../schema.js';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** When a call last changed: `updated_at`, else `first_seen`, else its deadline, else the epoch. */
export function changedAt(call: Call): string {
  return call.updated_at ?? call.first_seen ?? (call.dates.submission_deadline ? `${call.dates.submission_deadline.slice(0, 10)}T00:00:00.000Z` : '1970-01-01T00:00:00.000Z');
}

export interface AtomOptions {
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Base URL of the service, for entry links (`<base>/calls/<id>`). */
  baseUrl: string;
  title: string;
  today: IsoDate;
  /** Extra line per entry (a fit score for a query feed). */
  note?: (call: Call) => string | undefined;
  /** At most this many entries (default 100), the most recently changed. */
  limit?: number;
}

function summary(call: Call, today: IsoDate, note?: string): string {
  const s = deadlineStatus(call, today);
  const parts = [
    [call.venue, call.publisher].filter(Boolean).join(' · '),
    s.deadline ? `Deadline ${s.deadline} (${s.state.replace('_', ' ')})` : `Deadline unknown${s.state === 'withdrawn' ? ' (withdrawn)' : ''}`,
    call.deadline_history?.length ? `extended from ${call.deadline_history.map((h) => h.deadline).join(', ')}` : '',
    call.topics.length ? `Topics: ${call.topics.slice(0, 8).join('; ')}` : '',
    note ?? '',
  ];
  return parts.filter(Boolean).join('\n');
}

/**
 * @example
 * const xml = atomFeed(calls, { selfUrl: 'http://127.0.0.1:8787/feeds/calls.xml', baseUrl: 'http://127.0.0.1:8787', title: 'cfpmatch: calls', today: '2026-01-01' });
 */
export function atomFeed(calls: readonly Call[], opts: AtomOptions): string {
  const sorted = [...calls].sort((a, b) => (changedAt(b) < changedAt(a) ? -1 : changedAt(b) > changedAt(a) ? 1 : a.id < b.id ? -1 : 1)).slice(0, opts.limit ?? 100);
  const updated = sorted[0] ? changedAt(sorted[0]) : '1970-01-01T00:00:00.000Z';
  const entries = sorted.map((c) => {
    const page = `${opts.baseUrl}/calls/${encodeURIComponent(c.id)}`;
    const origin = c.sources?.find((s) => !s.removed_at)?.url ?? c.sources?.[0]?.url;
    return [
      '  <entry>',
      `    <id>${esc(page)}</id>`,
      `    <title>${esc(c.title)}</title>`,
      `    <updated>${esc(changedAt(c))}</updated>`,
      c.first_seen ? `    <published>${esc(c.first_seen)}</published>` : '',
      `    <link rel="alternate" href="${esc(page)}"/>`,
      origin && /^https?:/.test(origin) ? `    <link rel="via" href="${esc(origin)}"/>` : '',
      c.publisher ? `    <author><name>${esc(c.publisher)}</name></author>` : '    <author><name>cfpmatch</name></author>',
      `    <summary>${esc(summary(c, opts.today, opts.note?.(c)))}</summary>`,
      '  </entry>',
    ]
      .filter(Boolean)
      .join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${esc(opts.selfUrl)}</id>`,
    `  <title>${esc(opts.title)}</title>`,
    `  <updated>${esc(updated)}</updated>`,
    `  <link rel="self" href="${esc(opts.selfUrl)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
