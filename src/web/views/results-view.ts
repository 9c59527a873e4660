/** Ranked calls as cards, the export and share actions, and the empty state with its ways out. */
import type { EmptyExplanation, RankedCall, RankResponse } from '../../core/schema.js';
import { deadlineBadge } from './badges.js';
import { highlight } from './highlight.js';
import { html, plural, type Html } from './html.js';

export interface ShownDraft {
  title: string;
  abstract: string;
  keywords: string[];
}

/**
 * A card's matched topics and the draft with its supporting sentences marked. `pending`: the
 * ranking came first (streamed) and the evidence is still being computed.
 *
 * @example
 * String(matchedTopics(result, 0, draft))
 */
export function matchedTopics(r: RankedCall, i: number, draft: ShownDraft, pending = false): Html {
  if (pending) return html`<p class="hint">Finding the sentences of your draft that match the call's topics…</p>`;
  if (!r.matched_topics.length) return html`<p class="hint">No listed topic is clearly matched.</p>`;
  return html`<ul class="topics">${r.matched_topics.map((t) => html`<li><strong>${t.topic}</strong> — “${t.sentence}”</li>`)}</ul>
<details${i === 0 ? html` open` : ''}><summary>Supporting sentences in your draft</summary>${highlight([draft.title, draft.abstract], r.matched_topics.map((t) => ({ sentence: t.sentence, label: t.topic })))}</details>`;
}

function card(r: RankedCall, i: number, draft: ShownDraft, llm: boolean, pending: boolean): Html {
  const id = `r-${i}`;
  const fit = Math.round(r.fit);
  const failed = r.requirements.filter((q) => !q.ok).length;
  return html`<article class="result" aria-labelledby="${id}" data-call-id="${r.call_id}">
<h3 id="${id}">${i + 1}. <a href="/calls/${encodeURIComponent(r.call_id)}">${r.title}</a></h3>
<p class="venue">${r.venue ? html`${r.venue} · ` : ''}<code>${r.call_id}</code></p>
<div class="fit"><span id="${id}-fit">Fit</span><meter id="${id}-meter" min="0" max="100" low="25" high="50" optimum="100" value="${fit}" aria-labelledby="${id}-fit">${fit} out of 100</meter><strong class="fit-value">${fit}</strong>${deadlineBadge(r.deadline)}</div>
<h4>Matched topics</h4>
<div class="matched">${matchedTopics(r, i, draft, pending)}</div>
${r.requirements.length
    ? html`<h4>${failed ? `Requirements (${failed} not met)` : 'Requirements'}</h4><ul class="checks">${r.requirements.map((q) => html`<li class="${q.ok ? 'ok' : 'bad'}">${q.ok ? '✓ ' : '✗ '}${q.message}</li>`)}</ul>`
    : ''}
<div class="actions">${r.submission_url ? html`<a href="${r.submission_url}" target="_blank" rel="noopener noreferrer">Submission portal<span class="visually-hidden"> for ${r.title} (opens in a new tab)</span></a>` : ''}${llm ? html`<button type="button" class="secondary explain-btn" data-call-id="${r.call_id}" hidden>Explain</button>` : ''}</div>
<div class="explain" aria-live="polite"></div>
</article>`;
}

/**
 * The empty state: why, what to do, and one button per filter whose removal would show calls
 * (they resubmit the draft form with `relax`, so they work without JavaScript too).
 *
 * @example
 * emptyState({ reason: 'No open call matches; 3 closed calls do.', hint: '...', relax: [...] }, 'rank-form')
 */
export function emptyState(e: EmptyExplanation, form: string): Html {
  const buttons = e.relax.map((r) => html`<button type="submit" form="${form}" name="relax" value="${r.remove.join(',')}" class="secondary relax-btn">${r.label.replace(/^./, (c) => c.toUpperCase())}</button>`);
  return html`<div class="empty" id="empty"><h2>No calls to show</h2><p>${e.reason}</p><p class="hint">${e.hint}</p>${buttons.length ? html`<div class="actions">${buttons}</div>` : ''}</div>`;
}

/**
 * The ranked calls; `pending`: their matched topics are still coming (see matchedTopics).
 *
 * @example
 * String(rankResults(response, draft, false))
 */
export function rankResults(res: RankResponse, draft: ShownDraft, llm: boolean, pending = false): Html {
  if (!res.results.length) {
    return emptyState(res.filters?.empty ?? { reason: `None of ${plural(res.total_calls, 'call')} could be shown.`, hint: 'Widen the filters.', relax: [] }, 'rank-form');
  }
  const exports = (['csv', 'json', 'md'] as const).map((f) => html`<button type="submit" form="rank-form" name="format" value="${f}" class="secondary export-btn" data-format="${f}">${f === 'md' ? 'Markdown' : f.toUpperCase()}</button>`);
  return html`<h2>Ranked calls</h2>
<div class="toolbar" role="group" aria-label="Keep these results">
<span>Download:</span>${exports}
<button type="button" class="secondary" id="share-draft" hidden>Copy a link with the draft</button>
<span id="share-status" class="hint" role="status"></span>
</div>
${res.results.map((r, i) => card(r, i, draft, llm, pending))}`;
}
