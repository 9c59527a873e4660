/** Deadline and verdict badges: text that says the state (colour only repeats it). */
import { html, type Html } from './html.js';

export interface DeadlineLike {
  state: string;
  deadline?: string | undefined;
  days_left?: number | undefined;
}

const days = (n: number | undefined) => (n === undefined ? '' : ` · ${n} day${n === 1 ? '' : 's'} left`);

/**
 * The words for a deadline state; states this page does not know yet are shown by their name.
 *
 * @example
 * deadlineText({ state: 'open', deadline: '2025-04-15', days_left: 95 }) // 'Open · 95 days left'
 */
export function deadlineText(d: DeadlineLike): string {
  switch (d.state) {
    case 'open':
      return `Open${days(d.days_left)}`;
    case 'closing_soon':
      return `Closing soon${days(d.days_left)}`;
    case 'closed':
      return `Closed${d.deadline ? ` (${d.deadline})` : ''}`;
    case 'withdrawn':
      return 'Withdrawn';
    case 'unknown':
      return 'Deadline unknown';
    default:
      return d.state.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
}

/** The badge's colour class: a state it does not know gets the neutral one. */
const KNOWN = new Set(['open', 'closing_soon', 'closed', 'withdrawn', 'unknown']);

export function deadlineBadge(d: DeadlineLike): Html {
  const cls = KNOWN.has(d.state) ? d.state : 'unknown';
  return html`<span class="badge ${cls}" data-state="${d.state}"${d.deadline ? html` title="Submission deadline ${d.deadline}"` : ''}>${deadlineText(d)}</span>`;
}

export const VERDICT_LABEL: Record<string, string> = { in_scope: 'In scope', borderline: 'Borderline', out_of_scope: 'Out of scope' };

export function verdictBadge(verdict: string): Html {
  return html`<span class="badge ${verdict}">${VERDICT_LABEL[verdict] ?? verdict.replace(/_/g, ' ')}</span>`;
}
