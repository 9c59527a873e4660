/** The Explain buttons (shown only when the server has an LLM): ask /v1/explain and show its answer. */
import { api, showError } from './dom.js';

interface Explanation {
  verdict?: string;
  topics?: Array<{ topic: string; rationale: string; quote?: string }>;
  gaps?: Array<{ topic: string; note: string }>;
  suggestions?: string[];
  model?: string;
}

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function list(items: string[]): HTMLElement {
  const ul = el('ul');
  for (const i of items) ul.append(el('li', i));
  return ul;
}

/**
 * @example
 * explainButtons(resultsSection, { title, abstract, keywords });
 */
export function explainButtons(root: HTMLElement, draft: { title: string; abstract: string; keywords: string[] }): void {
  for (const btn of Array.from(root.querySelectorAll<HTMLButtonElement>('.explain-btn'))) {
    btn.hidden = false;
    btn.addEventListener('click', async () => {
      const out = btn.closest('article')?.querySelector<HTMLElement>('.explain');
      if (!out) return;
      btn.disabled = true;
      out.replaceChildren(el('p', 'Asking the language model…', 'status'));
      const r = await api<Explanation>('/v1/explain', { call_id: btn.dataset.callId, draft });
      btn.disabled = false;
      if (!r.ok) {
        const box = el('div', undefined, 'error');
        box.setAttribute('role', 'alert');
        showError(box, r.error);
        out.replaceChildren(box);
        return;
      }
      const d = r.data;
      out.replaceChildren(
        el('h4', 'Explanation'),
        el('p', d.verdict ?? ''),
        ...(d.topics?.length ? [list(d.topics.map((t) => `${t.topic}: ${t.rationale}${t.quote ? ` “${t.quote}”` : ''}`))] : []),
        ...(d.gaps?.length ? [el('h5', 'Not covered'), list(d.gaps.map((g) => `${g.topic}: ${g.note}`))] : []),
        ...(d.suggestions?.length ? [el('h5', 'Suggestions'), list(d.suggestions)] : []),
        ...(d.model ? [el('p', `Written by ${d.model}; check it against your draft.`, 'hint')] : []),
      );
    });
  }
}
