/**
 * The author view: paste a draft, see the ranked calls with evidence.
 * Shipped to the browser as source text: uses only its parameters and globals.
 */
import type { Helpers } from './client-helpers.js';

interface TopicMatch { topic: string; similarity: number; sentence: string }
interface Check { rule: string; ok: boolean; message: string }
interface Ranked {
  call_id: string; title: string; venue?: string; fit: number;
  matched_topics: TopicMatch[]; deadline: { state: string; deadline?: string; days_left?: number };
  requirements: Check[]; submission_url?: string;
}
interface RankBody { results: Ranked[]; total_calls: number; as_of: string; embedder: string; timing_ms: { total: number } }

/**
 * @example
 * authorView(clientHelpers(), document.getElementById('app')!, false);
 */
export function authorView(h: Helpers, root: HTMLElement, llm: boolean): void {
  const { el } = h;
  const title = el('input', { id: 'title', name: 'title', type: 'text', autocomplete: 'off' }) as HTMLInputElement;
  const abstract = el('textarea', { id: 'abstract', name: 'abstract', rows: '10', 'aria-describedby': 'abstract-help' }) as HTMLTextAreaElement;
  const keywords = el('input', { id: 'keywords', name: 'keywords', type: 'text', 'aria-describedby': 'keywords-help' }) as HTMLInputElement;
  const openOnly = el('input', { id: 'open-only', type: 'checkbox' }) as HTMLInputElement;
  const words = el('span', {}, '0 words');
  const submit = el('button', { type: 'submit', id: 'rank-submit' }, 'Find matching calls') as HTMLButtonElement;
  const error = el('div', { id: 'form-error', class: 'error', role: 'alert' });
  const status = el('p', { id: 'status', class: 'status', role: 'status' });
  const results = el('section', { id: 'results', 'aria-live': 'polite', 'aria-label': 'Ranked calls' });
  const form = el('form', { id: 'rank-form', novalidate: true },
    el('label', { for: 'title' }, 'Title'), title,
    el('label', { for: 'abstract' }, 'Abstract'), abstract,
    el('p', { id: 'abstract-help', class: 'hint' }, words, ' · Ctrl+Enter (⌘+Enter) submits'),
    el('label', { for: 'keywords' }, 'Keywords'), keywords,
    el('p', { id: 'keywords-help', class: 'hint' }, 'Separate keywords with commas or semicolons.'),
    el('label', { class: 'inline', for: 'open-only' }, openOnly, 'Only calls that are still open'),
    el('div', { class: 'actions' }, submit),
  ) as HTMLFormElement;
  root.replaceChildren(el('h1', {}, 'Find a special issue for your draft'),
    el('p', { class: 'hint' }, 'Your draft is sent to this server only to rank the calls; it is not stored.'),
    form, error, status, results);

  abstract.addEventListener('input', () => { words.textContent = `${h.wordCount(abstract.value)} words`; });
  abstract.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
  });

  function card(r: Ranked, i: number, draft: { title: string; abstract: string; keywords: string[] }): HTMLElement {
    const headId = `r-${i}`;
    const explainOut = el('div', { class: 'explain', 'aria-live': 'polite' });
    const explain = llm ? el('button', { type: 'button', class: 'secondary explain-btn' }, 'Explain') as HTMLButtonElement : null;
    explain?.addEventListener('click', async () => {
      explain.disabled = true;
      explainOut.replaceChildren(el('p', { class: 'status' }, 'Asking the language model…'));
      const res = await h.api('POST', '/v1/explain', { call_id: r.call_id, draft });
      explain.disabled = false;
      if (!res.ok) { const box = el('div', { class: 'error', role: 'alert' }); h.showError(box, res); explainOut.replaceChildren(box); return; }
      const d = res.data as { verdict?: string; topics?: Array<{ topic: string; rationale: string; quote?: string }>; gaps?: Array<{ topic: string; note: string }>; suggestions?: string[]; model?: string };
      explainOut.replaceChildren(el('div', {},
        el('h4', {}, 'Explanation'), el('p', {}, d.verdict ?? ''),
        d.topics?.length ? el('ul', {}, ...d.topics.map((t) => el('li', {}, el('strong', {}, t.topic), `: ${t.rationale}`, t.quote ? el('q', {}, t.quote) : null))) : null,
        d.gaps?.length ? el('div', {}, el('h5', {}, 'Not covered'), el('ul', {}, ...d.gaps.map((g) => el('li', {}, el('strong', {}, g.topic), `: ${g.note}`)))) : null,
        d.suggestions?.length ? el('div', {}, el('h5', {}, 'Suggestions'), el('ul', {}, ...d.suggestions.map((x) => el('li', {}, x)))) : null,
        d.model ? el('p', { class: 'hint' }, `Written by ${d.model}; check it against your draft.`) : null));
    });
    const fill = el('span', {});
    // Via CSSOM, not a style attribute: the page's CSP forbids inline styles.
    fill.style.width = `${Math.max(0, Math.min(100, r.fit))}%`;
    const failed = r.requirements.filter((q) => !q.ok).length;
    return el('article', { class: 'result', 'aria-labelledby': headId, 'data-call-id': r.call_id },
      el('h3', { id: headId }, `${i + 1}. `, el('a', { href: `/calls/${encodeURIComponent(r.call_id)}` }, r.title)),
      r.venue ? el('p', { class: 'venue' }, r.venue) : null,
      el('div', { class: 'fit' },
        el('span', {}, 'Fit'),
        el('div', { class: 'bar', role: 'meter', 'aria-label': 'Fit', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(r.fit), 'aria-valuetext': `${Math.round(r.fit)} out of 100` },
          fill),
        el('strong', { class: 'fit-value' }, String(Math.round(r.fit))),
        h.deadlineBadge(r.deadline)),
      el('h4', {}, 'Matched topics'),
      r.matched_topics.length
        ? el('ul', { class: 'topics' }, ...r.matched_topics.map((t) => el('li', {}, el('strong', {}, t.topic), ` — “${t.sentence}”`)))
        : el('p', { class: 'hint' }, 'No listed topic is clearly matched.'),
      r.matched_topics.length
        ? el('details', { open: i === 0 }, el('summary', {}, 'Supporting sentences in your draft'),
          h.highlight([draft.title, draft.abstract], r.matched_topics.map((t) => ({ sentence: t.sentence, label: t.topic }))))
        : null,
      r.requirements.length
        ? el('div', {}, el('h4', {}, failed ? `Requirements (${failed} not met)` : 'Requirements'),
          el('ul', { class: 'checks' }, ...r.requirements.map((q) => el('li', { class: q.ok ? 'ok' : 'bad' }, q.ok ? '✓ ' : '✗ ', q.message))))
        : null,
      el('div', { class: 'actions' },
        r.submission_url ? el('a', { href: r.submission_url, target: '_blank', rel: 'noopener noreferrer' }, 'Submission portal', el('span', { class: 'skip' }, ` for ${r.title} (opens in a new tab)`)) : null,
        explain),
      explainOut);
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const draft = {
      title: title.value,
      abstract: abstract.value,
      keywords: keywords.value.split(/[,;]/).map((k) => k.trim()).filter(Boolean),
    };
    submit.disabled = true;
    abstract.removeAttribute('aria-invalid');
    h.showError(error, null);
    status.textContent = 'Ranking the calls…';
    results.setAttribute('aria-busy', 'true');
    const res = await h.api('POST', '/v1/rank', { ...draft, top_k: 10, open_only: openOnly.checked });
    submit.disabled = false;
    results.setAttribute('aria-busy', 'false');
    if (!res.ok) {
      status.textContent = '';
      results.replaceChildren();
      h.showError(error, res);
      const bad = h.apiError(res).fields.map((f) => f.path.split('.')[0]);
      for (const [name, input] of [['abstract', abstract], ['title', title], ['keywords', keywords]] as const) {
        if (bad.includes(name)) input.setAttribute('aria-invalid', 'true');
      }
      const first = bad[0] === 'title' ? title : bad[0] === 'keywords' ? keywords : abstract;
      if (bad.length) first.focus();
      return;
    }
    const body = res.data as RankBody;
    status.textContent = `${body.results.length} of ${body.total_calls} calls ranked (deadlines as of ${body.as_of}).`;
    results.replaceChildren(el('h2', {}, 'Ranked calls'), ...body.results.map((r, i) => card(r, i, draft)));
  });
}
