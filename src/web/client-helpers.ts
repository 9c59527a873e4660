/**
 * Browser helpers shared by the views. This function is shipped to the
 * browser as its own source text (see assets.ts), so it must not use
 * anything from outside its body: no imports, no module constants.
 */
export type Helpers = ReturnType<typeof clientHelpers>;

export interface ApiResult {
  ok: boolean;
  status: number;
  data: unknown;
}

/**
 * @example
 * const h = clientHelpers();
 * root.append(h.el('p', { class: 'hint' }, 'Hello'));
 */
export function clientHelpers() {
  type Child = Node | string | null | undefined | false;
  /** Build an element; text is always set as text, never parsed as HTML. */
  function el(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      node.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
    return node;
  }

  async function api(method: string, path: string, body?: unknown): Promise<ApiResult> {
    try {
      const res = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      let data: unknown = text;
      try {
        data = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON: keep the text */
      }
      return { ok: res.ok, status: res.status, data };
    } catch {
      return { ok: false, status: 0, data: { error: { code: 'NETWORK', message: 'the server could not be reached' } } };
    }
  }

  interface ApiError { code: string; message: string; fields: Array<{ path: string; message: string }> }
  /** The `{ error: { code, message, fields? } }` body, or a generic one. */
  function apiError(r: ApiResult): ApiError {
    const e = (r.data as { error?: Partial<ApiError> } | null)?.error;
    return {
      code: typeof e?.code === 'string' ? e.code : `HTTP_${r.status}`,
      message: typeof e?.message === 'string' ? e.message : `request failed with status ${r.status}`,
      fields: Array.isArray(e?.fields) ? e.fields : [],
    };
  }

  /** Fill an error box (role=alert) from an API error. */
  function showError(box: HTMLElement, r: ApiResult | null, text?: string): void {
    box.replaceChildren();
    if (!r && !text) return;
    if (text) {
      box.append(el('p', {}, text));
      return;
    }
    if (!r) return;
    const e = apiError(r);
    box.append(el('p', {}, el('strong', {}, `Error (${e.code}): `), e.message));
    if (e.fields.length) box.append(el('ul', {}, ...e.fields.map((f) => el('li', {}, el('code', {}, f.path), `: ${f.message}`))));
  }

  function deadlineBadge(d: { state: string; deadline?: string; days_left?: number }): HTMLElement {
    const text =
      d.state === 'open' || d.state === 'closing_soon'
        ? `${d.state === 'open' ? 'Open' : 'Closing soon'} · ${d.days_left ?? '?'} day${d.days_left === 1 ? '' : 's'} left`
        : d.state === 'closed'
          ? `Closed${d.deadline ? ` (${d.deadline})` : ''}`
          : d.state === 'withdrawn'
            ? 'Withdrawn'
            : 'Deadline unknown';
    return el('span', { class: `badge ${d.state}`, title: d.deadline ? `Submission deadline ${d.deadline}` : undefined }, text);
  }

  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

  /** The texts (title, abstract) with each of `sentences` wrapped in <mark>; sentences found in neither are appended as quotes. */
  function highlight(texts: string[], marks: Array<{ sentence: string; label: string }>): HTMLElement {
    const out = el('div', { class: 'draft' });
    const found = new Set<string>();
    for (const text of texts.map(squash).filter(Boolean)) {
      const spans: Array<{ start: number; end: number; label: string }> = [];
      for (const m of marks) {
        const start = text.indexOf(squash(m.sentence));
        if (start < 0) continue;
        found.add(m.sentence);
        spans.push({ start, end: start + squash(m.sentence).length, label: m.label });
      }
      spans.sort((x, y) => x.start - y.start);
      const p = el('p', {});
      let at = 0;
      for (const s of spans) {
        if (s.start < at) continue; // overlapping evidence: keep the first
        p.append(text.slice(at, s.start), el('mark', { title: s.label }, text.slice(s.start, s.end)));
        at = s.end;
      }
      p.append(text.slice(at));
      out.append(p);
    }
    for (const m of marks) if (!found.has(m.sentence)) out.append(el('p', {}, el('mark', { title: m.label }, m.sentence)));
    return out;
  }

  function wordCount(s: string): number {
    const t = s.trim();
    return t ? t.split(/\s+/).length : 0;
  }

  return { el, api, apiError, showError, deadlineBadge, highlight, wordCount };
}
