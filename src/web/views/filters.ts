/** The filter controls (publisher, venue, deadline window, open only) with the number of calls each choice gives. */
import type { FieldIssue } from '../../core/errors.js';
import type { CallFilters, FilterSummary } from '../../core/schema.js';
import { attr, html, raw, type Html } from './html.js';

export type FilterValues = Pick<CallFilters, 'publisher' | 'venue' | 'deadline_after' | 'deadline_before' | 'open_only'>;

/**
 * The failing fields of a form or query as a list (empty for none).
 *
 * @example
 * String(issueList([{ path: 'sort', message: 'Invalid option' }])) // '<ul><li><code>sort</code>: Invalid option</li></ul>'
 */
export function issueList(issues: readonly FieldIssue[] = []): Html {
  return issues.length ? html`<ul>${issues.map((f) => html`<li><code>${f.path}</code>: ${f.message}</li>`)}</ul>` : html``;
}

/** ` aria-invalid="true"` on a control whose field (or an item of it) failed. */
export const invalidAttr = (issues: readonly FieldIssue[], name: string) => (issues.some((f) => f.path.split('.')[0] === name) ? raw(' aria-invalid="true"') : '');

function facetSelect(name: 'publisher' | 'venue', label: string, counts: FilterSummary['facets']['publisher'], chosen: readonly string[] = [], issues: readonly FieldIssue[] = []): Html {
  const values = [...counts];
  const lower = (s: string) => s.toLowerCase();
  for (const c of chosen) if (!values.some((v) => lower(v.value) === lower(c))) values.push({ value: c, count: 0 });
  const opts = values.map((v) => html`<option value="${v.value}"${attr('selected', chosen.some((c) => lower(c) === lower(v.value)))}>${v.value} (${v.count})</option>`);
  return html`<div class="field"><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}"${invalidAttr(issues, name)}><option value="">Any ${name}</option>${opts}</select></div>`;
}

/** Calls not closed or withdrawn, from the deadline facet. */
export function openCount(summary: FilterSummary): number {
  return summary.facets.deadline.filter((d) => d.value !== 'closed' && d.value !== 'withdrawn').reduce((n, d) => n + d.count, 0);
}

/**
 * The open-only checkbox's label: the filter keeps calls that state no deadline (they may be open),
 * so the label counts them apart instead of calling every kept call "still open".
 *
 * @example
 * openLabel(summary) // 'Hide closed calls (120 of 173 left, 40 of them without a stated deadline)'
 */
export function openLabel(summary: FilterSummary): string {
  const unknown = summary.facets.deadline.find((d) => d.value === 'unknown')?.count ?? 0;
  const note = unknown > 0 ? `, ${unknown} of them without a stated deadline` : '';
  return `Hide closed calls (${openCount(summary)} of ${summary.total} left${note})`;
}

/**
 * The filters fieldset; `issues` marks the controls whose values did not parse.
 *
 * @example
 * filterFields(summary, { open_only: true })
 */
export function filterFields(summary: FilterSummary, v: Partial<FilterValues>, issues: readonly FieldIssue[] = []): Html {
  return html`<fieldset class="filters"><legend>Filters</legend>
<div class="filter-grid">
${facetSelect('publisher', 'Publisher', summary.facets.publisher, v.publisher, issues)}
${facetSelect('venue', 'Venue', summary.facets.venue, v.venue, issues)}
<div class="field"><label for="f-after">Deadline from</label><input type="date" id="f-after" name="deadline_after" value="${v.deadline_after ?? ''}"${invalidAttr(issues, 'deadline_after')}></div>
<div class="field"><label for="f-before">Deadline until</label><input type="date" id="f-before" name="deadline_before" value="${v.deadline_before ?? ''}"${invalidAttr(issues, 'deadline_before')}></div>
</div>
<label class="inline" for="f-open"><input type="checkbox" id="f-open" name="open_only" value="1"${attr('checked', v.open_only)}> ${openLabel(summary)}</label>
</fieldset>`;
}
