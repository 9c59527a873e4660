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
    return await readResult<T>(await fetch(path, init));
  } catch {
    return network();
  }
}

/** A whole response as an ApiResult: its JSON (null when it is not JSON), or the error body it carries. */
async function readResult<T>(res: Response): Promise<ApiResult<T>> {
  const data = parseJson(await res.text());
  return res.ok ? { ok: true, data: data as T } : { ok: false, status: res.status, error: errorOf(res.status, data) };
}

const failure = (status: number, code: string, message: string): { ok: false; status: number; error: ApiError } => ({ ok: false, status, error: { code, message, fields: [] } });
const network = () => failure(0, 'NETWORK', 'the server could not be reached');

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // not JSON
  }
}

/** The API's error body as an ApiError, or one named after the status when the body is not one. */
function errorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: Partial<ApiError> } | null)?.error;
  return { code: e?.code ?? `HTTP_${status}`, message: e?.message ?? `request failed with status ${status}`, fields: Array.isArray(e?.fields) ? e.fields : [] };
}

/**
 * POST JSON and read a newline-delimited JSON answer line by line as it arrives (`onLine` per
 * line), so the page can show the first part before the last is ready. A server that answers plain
 * JSON instead gives one line, the whole body. An error status answers as `api` does; a line that
 * is not JSON ends the reading with a BAD_RESPONSE error.
 *
 * @example
 * await apiLines('/v1/rank', body, (line) => console.log(line));
 */
export async function apiLines(path: string, body: unknown, onLine: (line: unknown) => void): Promise<ApiResult<null>> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' }, body: JSON.stringify(body) });
  } catch {
    return network();
  }
  const streamed = (res.headers.get('content-type') ?? '').includes('ndjson');
  if (!res.ok || !streamed || !res.body) {
    let whole: ApiResult<unknown>;
    try {
      whole = await readResult<unknown>(res);
    } catch {
      return network();
    }
    if (!whole.ok) return whole;
    if (whole.data === null) return failure(res.status, 'BAD_RESPONSE', 'the server sent an answer that is not JSON');
    onLine(whole.data);
    return { ok: true, data: null };
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  const badLine = () => failure(res.status, 'BAD_RESPONSE', 'the server sent a line that is not JSON');
  const emit = (line: string): boolean => {
    if (!line.trim()) return true;
    const data = parseJson(line);
    if (data === null) return false;
    onLine(data);
    return true;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += value;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        if (!emit(buffered.slice(0, nl))) return badLine();
        buffered = buffered.slice(nl + 1);
      }
    }
  } catch {
    return failure(res.status, 'NETWORK', 'the connection closed before the answer was complete');
  }
  if (!emit(buffered)) return badLine();
  return { ok: true, data: null };
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
