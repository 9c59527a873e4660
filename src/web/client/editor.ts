/**
 * The editor page, enhanced: submissions are parsed here (errors named by line before anything
 * is sent), verdicts arrive without a page load, and filtering, sorting and downloads work on the
 * verdicts in hand.
 */
import type { TriageResponse } from '../../core/schema.js';
import { exportTriage } from '../../core/export/triage.js';
import { triageResults, type TriageSort } from '../views/editor-view.js';
import { notTextFile, parseSubmissions } from '../views/parse-submissions.js';
import { api, byId, download, showError, submitOnCtrlEnter } from './dom.js';

/**
 * @example
 * enhanceEditor();
 */
export function enhanceEditor(): void {
  const form = byId<HTMLFormElement>('triage-form');
  const text = byId<HTMLTextAreaElement>('submissions');
  const file = byId<HTMLInputElement>('subs-file');
  const select = byId<HTMLSelectElement>('call');
  const submit = byId<HTMLButtonElement>('triage-submit');
  const error = byId('triage-error');
  const results = byId('triage-results');
  let last: { res: TriageResponse; titles: Map<string, string> } | undefined;

  submitOnCtrlEnter(text, form, submit);
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    if (!f) return;
    const bad = notTextFile(f.name, new Uint8Array(await f.slice(0, 4096).arrayBuffer()));
    showError(error, bad ?? null);
    if (bad) file.value = '';
    else text.value = (await f.text()).replace(/^\uFEFF/, '');
  });

  const controls = () => ({
    verdict: (document.getElementById('t-verdict') as HTMLSelectElement | null)?.value ?? 'all',
    sort: ((document.getElementById('t-sort') as HTMLSelectElement | null)?.value ?? 'order') as TriageSort,
  });
  function show(): void {
    if (!last) return;
    const { verdict, sort } = controls();
    results.innerHTML = String(triageResults(last.res, last.titles, verdict, sort));
    byId('t-apply').hidden = true;
  }
  // Show and sort re-draw the verdicts in hand; the focus stays on the control that changed.
  results.addEventListener('change', (ev) => {
    const id = (ev.target as HTMLElement).id;
    if (id !== 't-verdict' && id !== 't-sort') return;
    show();
    byId(id).focus();
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const by = ev.submitter as HTMLButtonElement | null;
    if (by?.name === 'format' && last) {
      const format = by.value === 'json' ? 'json' : 'csv';
      download(exportTriage(last.res, format, last.titles), `cfpmatch-triage-${last.res.call_id}.${format}`, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
      return;
    }
    if (by?.id === 't-apply') return show();
    showError(error, null);
    const { submissions, errors } = parseSubmissions(text.value);
    if (errors.length) {
      showError(error, `Could not read the submissions: ${errors.slice(0, 5).join('; ')}${errors.length > 5 ? '…' : ''}`);
      text.focus();
      return;
    }
    if (!submissions.length) {
      showError(error, 'Paste or upload at least one submission with an abstract.');
      text.focus();
      return;
    }
    submit.disabled = true;
    results.setAttribute('aria-busy', 'true');
    const r = await api<TriageResponse>('/v1/triage', { call_id: select.value, submissions });
    submit.disabled = false;
    results.setAttribute('aria-busy', 'false');
    if (!r.ok) {
      showError(error, r.status === 404 && r.error.code === 'NOT_FOUND' ? 'Triage is not available on this server (POST /v1/triage is not served).' : r.error);
      return;
    }
    last = { res: r.data, titles: new Map(submissions.map((s, i) => [s.id ?? String(i), s.title])) };
    show();
  });
}
