/** An author's ranked calls as CSV, JSON or Markdown, to keep or send (the page, the API and the CLI give the same files). */
import type { RankResponse } from '../schema.js';
import { toCsv } from './csv.js';

export type RankExportFormat = 'csv' | 'json' | 'md';

const RANK_COLUMNS = ['rank', 'call_id', 'title', 'venue', 'fit', 'deadline_state', 'deadline', 'days_left', 'matched_topics', 'requirements_not_met', 'submission_url'];

/**
 * @example
 * exportRanking(res, 'csv') // '\uFEFFrank,call_id,title,...'
 */
export function exportRanking(res: RankResponse, format: RankExportFormat): string {
  if (format === 'json') return `${JSON.stringify(res, null, 2)}\n`;
  if (format === 'csv') {
    return toCsv(RANK_COLUMNS, res.results.map((r, i) => [
      i + 1, r.call_id, r.title, r.venue ?? '', r.fit, r.deadline.state, r.deadline.deadline ?? '', r.deadline.days_left ?? '',
      r.matched_topics.map((t) => t.topic).join(' | '),
      r.requirements.filter((q) => !q.ok).map((q) => q.message).join(' | '),
      r.submission_url ?? '',
    ]));
  }
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const lines = [
    `# Calls for the draft (as of ${res.as_of})`,
    '',
    '| # | Call | Fit | Deadline | Best matched topic |',
    '| --- | --- | --- | --- | --- |',
    ...res.results.map((r, i) => `| ${i + 1} | ${cell(r.title)} (\`${r.call_id}\`) | ${Math.round(r.fit)} | ${r.deadline.state}${r.deadline.deadline ? ` ${r.deadline.deadline}` : ''} | ${cell(r.matched_topics[0]?.topic ?? '-')} |`),
    '',
  ];
  for (const [i, r] of res.results.entries()) {
    lines.push(`## ${i + 1}. ${r.title}`, '');
    if (r.venue) lines.push(`Venue: ${r.venue}  `);
    lines.push(`Fit ${Math.round(r.fit)}/100; deadline: ${r.deadline.state}${r.deadline.deadline ? ` (${r.deadline.deadline})` : ''}${r.submission_url ? `; submit at <${r.submission_url}>` : ''}`, '');
    for (const t of r.matched_topics) lines.push(`- **${t.topic}**: "${t.sentence}"`);
    for (const q of r.requirements.filter((x) => !x.ok)) lines.push(`- Not met: ${q.message}`);
    lines.push('');
  }
  if (!res.results.length && res.filters?.empty) lines.push(res.filters.empty.reason, '', res.filters.empty.hint, '');
  return lines.join('\n');
}

/** File name and media type of an export. */
export function exportFile(format: RankExportFormat | 'csv' | 'json', stem: string): { name: string; type: string } {
  const ext = format;
  const type = format === 'csv' ? 'text/csv; charset=utf-8' : format === 'json' ? 'application/json' : 'text/markdown; charset=utf-8';
  return { name: `${stem}.${ext}`, type };
}
