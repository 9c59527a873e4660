/** Small browser helpers for the page bundle: typed element lookup, JSON calls to the API, downloads. */
import type { FieldIssue } from '../../core/errors.js';

/** The element with this id, typed, or an error (the server rendered it, so it must be there). */
export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el as T;
}

export interface ApiError {
  code: string;
  message: string;
  fields: FieldIssue[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

/**
 * Call the API: a JSON body, or a FormData body for uploads. Errors come back as values, never thrown.
 *
 * @example
 * const r = await api<RankResponse>('/v1/rank', { title, abstract });
 */
export async function api<T>(path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const init: RequestInit = body === undefined ? {} : body instanceof FormData ? { method: 'POST', body } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const res = await fetch(path, init);
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    if (res.ok) return { ok: true, data: data as T };
    const e = (data as { error?: Partial<ApiError> } | null)?.error;
    return {
      ok: false,
      status: res.status,
      error: { code: e?.code ?? `HTTP_${res.status}`, message: e?.message ?? `request failed with status ${res.status}`, fields: Array.isArray(e?.fields) ? e.fields : [] },
    };
  } catch {
    return { ok: false, status: 0, error: { code: 'NETWORK', message: 'the server could not be reached', fields: [] } };
  }
}

/** Fill an error box (role=alert) with an API error and its fields; empty clears it. */
export function showError(box: HTMLElement, e: ApiError | string | null): void {
  box.replaceChildren();
  if (!e) return;
  const p = document.createElement('p');
  if (typeof e === 'string') p.textContent = e;
  else {
    const strong = document.createElement('strong');
    strong.textContent = `Error (${e.code}): `;
    p.append(strong, e.message);
  }
  box.append(p);
  if (typeof e !== 'string' && e.fields.length) {
    const ul = document.createElement('ul');
    for (const f of e.fields) {
      const li = document.createElement('li');
      const code = document.createElement('code');
      code.textContent = f.path;
      li.append(code, `: ${f.message}`);
      ul.append(li);
    }
    box.append(ul);
  }
}

/** Save text as a file the browser downloads. */
export function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Ctrl+Enter (⌘+Enter) in a field submits its form. */
export function submitOnCtrlEnter(field: HTMLElement, form: HTMLFormElement, submitter?: HTMLElement): void {
  field.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit(submitter as HTMLButtonElement | undefined);
    }
  });
}
