/**
 * The author page, enhanced: a draft file is read as soon as it is chosen or dropped (its fields
 * are filled in for checking), ranking and filter changes happen without a page load, exports are
 * made from the results in hand, and a share link carries the draft in the fragment only.
 */
import type { ExtractedDraft, FilterSummary, RankedCall, RankResponse } from '../../core/schema.js';
import { exportFile, exportRanking, type RankExportFormat } from '../../core/export/ranking.js';
import { filterLink, statusLine } from '../views/author-view.js';
import { matchedTopics, rankResults } from '../views/results-view.js';
import { api, apiLines, byId, download, showError, submitOnCtrlEnter, type ApiError } from './dom.js';
import { explainButtons } from './explain.js';
import { draftFromFragment, shareLink } from './share.js';

/** One line of the streamed `/v1/rank` answer (src/http/rank-stream.ts). */
type RankPart =
  | { part: 'ranking'; ranking: RankResponse }
  | { part: 'evidence'; results: Array<Pick<RankedCall, 'call_id' | 'matched_topics' | 'nearest_topics'>>; timing_ms?: RankResponse['timing_ms'] }
  | { part: 'error'; error: { code: string; message: string } };

const words = (s: string) => (s.match(/\S+/g) ?? []).length;

/** The rank form's fields as the JSON `/v1/rank` takes. */
function rankBody(form: HTMLFormElement): Record<string, unknown> {
  const fd = new FormData(form);
  const all = (k: string) => fd.getAll(k).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const one = (k: string) => all(k)[0];
  const body: Record<string, unknown> = {
    title: one('title') ?? '',
    abstract: one('abstract') ?? '',
    keywords: (one('keywords') ?? '').split(/[,;]/).map((k) => k.trim()).filter(Boolean),
    top_k: 10,
    open_only: fd.has('open_only'),
  };
  for (const k of ['publisher', 'venue'] as const) if (all(k).length) body[k] = all(k);
  for (const k of ['deadline_after', 'deadline_before'] as const) if (one(k)) body[k] = one(k);
  return body;
}

/** Keep the counts beside each filter choice current after a ranking. */
function updateCounts(s: FilterSummary): void {
  for (const facet of ['publisher', 'venue'] as const) {
    const select = document.getElementById(`f-${facet}`) as HTMLSelectElement | null;
    for (const opt of Array.from(select?.options ?? [])) {
      if (!opt.value) continue;
      const n = s.facets[facet].find((f) => f.value.toLowerCase() === opt.value.toLowerCase())?.count ?? 0;
      opt.textContent = `${opt.value} (${n})`;
    }
  }
}

/** Drop the filters an empty state's button names, in the form itself. */
function relax(form: HTMLFormElement, keys: readonly string[]): void {
  for (const k of keys) {
    const el = form.elements.namedItem(k);
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = false;
    else if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement) el.value = '';
  }
}

/**
 * @example
 * enhanceAuthor();
 */
export function enhanceAuthor(): void {
  const form = byId<HTMLFormElement>('rank-form');
  const fileForm = byId<HTMLFormElement>('file-form');
  const file = byId<HTMLInputElement>('file');
  const title = byId<HTMLInputElement>('title');
  const abstract = byId<HTMLTextAreaElement>('abstract');
  const keywords = byId<HTMLInputElement>('keywords');
  const submit = byId<HTMLButtonElement>('rank-submit');
  const error = byId('form-error');
  const status = byId('status');
  const results = byId('results');
  const notice = byId('file-notice');
  let last: { key: string; res: RankResponse } | undefined;
  let latest = 0; // a newer submit makes an older answer's remaining lines stale

  byId('read-file').hidden = true; // files are read on choice or drop
  abstract.addEventListener('input', () => (byId('word-count').textContent = `${words(abstract.value)} words`));
  for (const f of [title, abstract, keywords]) submitOnCtrlEnter(f, form, submit);

  async function readFile(f: File): Promise<void> {
    const fd = new FormData();
    fd.append('file', f, f.name);
    notice.classList.remove('error');
    notice.textContent = `Reading ${f.name}…`;
    const r = await api<ExtractedDraft>('/v1/extract', fd);
    if (!r.ok) {
      notice.classList.add('error');
      showError(notice, r.error);
      file.focus();
      return;
    }
    const x = r.data;
    title.value = x.title;
    abstract.value = x.abstract;
    keywords.value = x.keywords.join(', ');
    abstract.dispatchEvent(new Event('input'));
    notice.replaceChildren();
    const p = document.createElement('p');
    p.textContent = `Read ${x.source.name} (${x.source.kind}${x.source.pages ? `, ${x.source.pages} page${x.source.pages === 1 ? '' : 's'}` : ''}): check the title, abstract and keywords below, then find matching calls. The file was not kept.`;
    notice.append(p);
    if (x.warnings.length) {
      const ul = document.createElement('ul');
      for (const w of x.warnings) ul.append(Object.assign(document.createElement('li'), { textContent: w }));
      notice.append(ul);
    }
    title.focus();
  }
  file.addEventListener('change', () => void (file.files?.[0] && readFile(file.files[0])));
  fileForm.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (file.files?.[0]) void readFile(file.files[0]);
  });
  fileForm.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    fileForm.classList.add('dragging');
  });
  fileForm.addEventListener('dragleave', () => fileForm.classList.remove('dragging'));
  fileForm.addEventListener('drop', (ev) => {
    ev.preventDefault();
    fileForm.classList.remove('dragging');
    const f = ev.dataTransfer?.files[0];
    if (f) void readFile(f);
  });

  /** Show a failed request: its error, the fields it names marked and the first one focused. */
  function failed(e: ApiError): void {
    status.textContent = '';
    results.replaceChildren();
    showError(error, e);
    const bad = e.fields.map((f) => f.path.split('.')[0]);
    const inputs = { title, abstract, keywords } as const;
    for (const [name, input] of Object.entries(inputs)) if (bad.includes(name)) input.setAttribute('aria-invalid', 'true');
    const first = bad.find((b): b is keyof typeof inputs => b !== undefined && b in inputs);
    if (first) inputs[first].focus();
  }

  // The ranked list is streamed first and drawn at once; the evidence follows and fills each card's
  // matched topics in place (rank-stream.ts), so the page shows calls before the sentences are embedded.
  async function rank(): Promise<void> {
    const t0 = performance.now();
    const body = rankBody(form);
    const key = JSON.stringify(body);
    const draft = { title: String(body.title), abstract: String(body.abstract), keywords: body.keywords as string[] };
    const llm = form.dataset.llm === '1';
    submit.disabled = true;
    showError(error, null);
    for (const f of [title, abstract, keywords]) f.removeAttribute('aria-invalid');
    status.textContent = 'Ranking the calls…';
    results.setAttribute('aria-busy', 'true');
    last = undefined;
    const mine = ++latest;
    let shown: RankResponse | undefined;
    const show = (res: RankResponse, pending: boolean): void => {
      shown = res;
      results.innerHTML = String(rankResults(res, draft, llm, pending));
      results.dataset.evidence = pending ? 'pending' : 'done';
      status.textContent = statusLine(res);
      if (res.filters) updateCounts(res.filters);
      byId<HTMLAnchorElement>('filter-link').href = filterLink(body as Parameters<typeof filterLink>[0]);
      const share = document.getElementById('share-draft');
      if (share) share.hidden = false;
      explainButtons(results, draft);
      // "First result on the page after submit", read by the browser test.
      results.dataset.renderMs = String(Math.round(performance.now() - t0));
    };
    const onLine = (line: unknown): void => {
      if (mine !== latest) return;
      const part = line as RankPart;
      if (part.part === 'ranking') return show(part.ranking, true);
      if (part.part === 'evidence' && shown) {
        const byCall = new Map(part.results.map((e) => [e.call_id, e]));
        shown = { ...shown, results: shown.results.map((r) => ({ ...r, ...byCall.get(r.call_id) })), ...(part.timing_ms ? { timing_ms: part.timing_ms } : {}) };
        shown.results.forEach((r, i) => {
          const box = results.querySelector(`article[data-call-id="${CSS.escape(r.call_id)}"] .matched`);
          if (box) box.innerHTML = String(matchedTopics(r, i, draft));
        });
        results.dataset.evidence = 'done';
        results.dataset.evidenceMs = String(Math.round(performance.now() - t0));
        return;
      }
      if (part.part === 'error') {
        // The list stands; only its evidence is missing.
        results.dataset.evidence = 'failed';
        for (const box of Array.from(results.querySelectorAll('.matched'))) box.replaceChildren();
        showError(error, { code: part.error.code, message: `The calls are ranked, but their matched topics could not be found: ${part.error.message}`, fields: [] });
        return;
      }
      if (!('part' in (line as object))) show(line as RankResponse, false); // a plain JSON answer
    };
    const r = await apiLines('/v1/rank', body, onLine);
    if (mine !== latest) return;
    submit.disabled = false;
    results.setAttribute('aria-busy', 'false');
    if (!r.ok && !shown) return failed(r.error);
    if (!r.ok) showError(error, r.error);
    if (shown && results.dataset.evidence === 'done') last = { key, res: shown };
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const by = ev.submitter as HTMLButtonElement | null;
    if (by?.name === 'format') {
      const format = by.value as RankExportFormat;
      const save = (res: RankResponse) => {
        const f = exportFile(format, `cfpmatch-calls-${res.as_of}`);
        download(exportRanking(res, format), f.name, f.type);
      };
      if (last && last.key === JSON.stringify(rankBody(form))) save(last.res);
      else void rank().then(() => last && save(last.res));
      return;
    }
    if (by?.name === 'relax') relax(form, by.value.split(','));
    void rank();
  });

  results.addEventListener('click', (ev) => {
    const t = ev.target as HTMLElement;
    if (t.id !== 'share-draft') return;
    const link = shareLink(filterLink(rankBody(form) as Parameters<typeof filterLink>[0]), { title: title.value, abstract: abstract.value, keywords: keywords.value });
    const out = byId('share-status');
    out.dataset.link = link;
    out.textContent = link; // shown for copying by hand when the clipboard is not allowed
    navigator.clipboard?.writeText(link).then(
      () => (out.textContent = 'Link copied. The draft is in the part after #, which browsers never send to a server.'),
      () => undefined,
    );
  });

  const shared = draftFromFragment(location.hash);
  if (shared) {
    title.value = shared.title;
    abstract.value = shared.abstract;
    keywords.value = shared.keywords;
    abstract.dispatchEvent(new Event('input'));
    if (shared.abstract.trim()) void rank();
  }
}
