/**
 * The editor view: pick a call, paste or upload submissions, get triage
 * verdicts from `POST /v1/triage`. Shipped to the browser as source text.
 */
import type { Helpers } from './client-helpers.js';
import type { parseSubmissions as ParseFn } from './client-parse.js';

interface Verdict {
  id: string; verdict: string; probability: number; matched_topics: Array<string | { topic: string }>;
  unmatched_topics?: string[]; reason?: string; better_fit?: string | { call_id: string; title?: string } | null;
}

/**
 * @example
 * editorView(clientHelpers(), root, parseSubmissions);
 */
export async function editorView(h: Helpers, root: HTMLElement, parse: typeof ParseFn): Promise<void> {
  const { el } = h;
  const select = el('select', { id: 'call' }) as HTMLSelectElement;
  const text = el('textarea', { id: 'submissions', rows: '12', 'aria-describedby': 'subs-help' }) as HTMLTextAreaElement;
  const file = el('input', { id: 'file', type: 'file', accept: '.csv,.jsonl,.json,.txt' }) as HTMLInputElement;
  const submit = el('button', { type: 'submit' }, 'Triage submissions') as HTMLButtonElement;
  const error = el('div', { id: 'triage-error', class: 'error', role: 'alert' });
  const status = el('p', { class: 'status', role: 'status' });
  const results = el('section', { id: 'triage-results', 'aria-live': 'polite', 'aria-label': 'Triage verdicts' });
  const form = el('form', { id: 'triage-form', novalidate: true },
    el('label', { for: 'call' }, 'Call'), select,
    el('label', { for: 'submissions' }, 'Submissions'), text,
    el('p', { id: 'subs-help', class: 'hint' }, 'JSON Lines ({"id","title","abstract","keywords"} per line), CSV with a header row (title,abstract,keywords,id), or plain text: title on the first line, abstract below, submissions separated by a line of ---.'),
    el('label', { for: 'file' }, 'Or upload a file (CSV, JSONL, JSON, text)'), file,
    el('div', { class: 'actions' }, submit)) as HTMLFormElement;
  root.replaceChildren(el('h1', {}, 'Editor triage'),
    el('p', { class: 'hint' }, 'Check whether submissions are in scope for your call.'), form, error, status, results);

  const calls = await h.api('GET', '/v1/calls');
  if (!calls.ok) h.showError(error, calls);
  else for (const c of (calls.data as { calls: Array<{ id: string; title: string }> }).calls) select.append(el('option', { value: c.id }, c.title));
  const wanted = new URLSearchParams(location.search).get('call');
  if (wanted) select.value = wanted;

  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (f) text.value = await f.text();
  });
  text.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
  });

  const topicName = (t: string | { topic: string }) => (typeof t === 'string' ? t : t.topic);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    h.showError(error, null);
    results.replaceChildren();
    const { submissions, errors } = parse(text.value);
    if (errors.length) { h.showError(error, null, `Could not read the submissions: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? '…' : ''}`); text.focus(); return; }
    if (!submissions.length) { h.showError(error, null, 'Paste or upload at least one submission with an abstract.'); text.focus(); return; }
    submit.disabled = true;
    status.textContent = `Triaging ${submissions.length} submission${submissions.length === 1 ? '' : 's'}…`;
    const res = await h.api('POST', '/v1/triage', { call_id: select.value, submissions });
    submit.disabled = false;
    status.textContent = '';
    if (res.status === 404 && h.apiError(res).code === 'NOT_FOUND') {
      h.showError(error, null, 'Triage is not available on this server yet (POST /v1/triage is not served).');
      return;
    }
    if (!res.ok) { h.showError(error, res); return; }
    const list = (res.data as { results: Verdict[] }).results;
    status.textContent = `${list.length} verdict${list.length === 1 ? '' : 's'}.`;
    const byId = new Map(submissions.map((s, i) => [s.id ?? String(i), s]));
    const better = (b: Verdict['better_fit']) =>
      !b ? '—' : typeof b === 'string' ? el('a', { href: `/calls/${encodeURIComponent(b)}` }, b) : el('a', { href: `/calls/${encodeURIComponent(b.call_id)}` }, b.title ?? b.call_id);
    results.replaceChildren(el('h2', {}, 'Verdicts'), el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ...['Submission', 'Verdict', 'In scope', 'Matched topics', 'Not covered', 'Reason', 'Better fit'].map((t) => el('th', { scope: 'col' }, t)))),
      el('tbody', {}, ...list.map((v, i) => el('tr', {},
        el('th', { scope: 'row' }, byId.get(v.id)?.title || v.id || `#${i + 1}`),
        el('td', {}, el('span', { class: `badge ${v.verdict}` }, v.verdict.replace(/_/g, ' '))),
        el('td', {}, `${Math.round(v.probability * 100)}%`),
        el('td', {}, v.matched_topics.map(topicName).join('; ') || '—'),
        el('td', {}, (v.unmatched_topics ?? []).join('; ') || '—'),
        el('td', {}, v.reason ?? ''),
        el('td', {}, better(v.better_fit))))))));
  });
}
