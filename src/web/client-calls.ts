/**
 * The calls list (`/calls`) and one call's page (`/calls/:id`) with its parsed fields.
 * Shipped to the browser as source text: uses only its parameters and globals.
 */
import type { Helpers } from './client-helpers.js';

interface CallBody {
  id: string; title: string; venue?: string; publisher?: string; scope: string; topics: string[];
  dates: Record<string, string | undefined>; guest_editors: Array<{ name: string; affiliation?: string; email?: string; lead?: boolean }>;
  submission_url?: string; guidelines_url?: string; rules: Record<string, unknown>; warnings: string[];
}

/**
 * @example
 * callView(clientHelpers(), root, 'ieee-network-lam-ioe');
 */
export async function callView(h: Helpers, root: HTMLElement, id: string | null): Promise<void> {
  const { el } = h;
  const error = el('div', { class: 'error', role: 'alert' });
  if (!id) {
    const res = await h.api('GET', '/v1/calls');
    if (!res.ok) { h.showError(error, res); root.replaceChildren(el('h1', {}, 'Calls'), error); return; }
    const calls = (res.data as { calls: Array<{ id: string; title: string; venue?: string; submission_deadline?: string; topics: number }> }).calls;
    root.replaceChildren(el('h1', {}, 'Calls for papers'),
      el('ul', { class: 'call-list' }, ...calls.map((c) => el('li', {},
        el('a', { href: `/calls/${encodeURIComponent(c.id)}` }, c.title),
        ` — ${c.venue ?? 'venue unknown'}; deadline ${c.submission_deadline ?? 'unknown'}; ${c.topics} topics`))));
    return;
  }
  const res = await h.api('GET', `/v1/calls/${encodeURIComponent(id)}`);
  if (!res.ok) { h.showError(error, res); root.replaceChildren(el('h1', {}, 'Call not found'), error); return; }
  const c = res.data as CallBody;
  document.title = `${c.title} · cfpmatch`;
  const dl = (pairs: Array<[string, string | undefined]>) =>
    el('dl', { class: 'fields' }, ...pairs.filter((p) => p[1]).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v ?? '')]));
  const label = (k: string) => k.replace(/_/g, ' ').replace(/^./, (ch) => ch.toUpperCase());
  const rules = Object.entries(c.rules).filter(([k]) => k !== 'notes').map(([k, v]) => [label(k), Array.isArray(v) ? v.join(', ') : String(v)] as [string, string]);
  const notes = Array.isArray(c.rules.notes) ? (c.rules.notes as string[]) : [];
  const link = (href: string | undefined, text: string) => (href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text) : null);
  root.replaceChildren(el('div', {},
    el('p', {}, el('a', { href: '/calls' }, '← All calls')),
    el('h1', {}, c.title),
    dl([['Venue', c.venue], ['Publisher', c.publisher], ['Id', c.id]]),
    el('div', { class: 'actions' }, link(c.submission_url, 'Submission portal'), link(c.guidelines_url, 'Author guidelines')),
    c.warnings.length ? el('section', { class: 'error', 'aria-labelledby': 'warn-h' }, el('h2', { id: 'warn-h' }, 'Warnings'), el('ul', {}, ...c.warnings.map((w) => el('li', {}, w)))) : null,
    el('h2', {}, 'Dates'), dl(Object.entries(c.dates).map(([k, v]) => [label(k), v])),
    el('h2', {}, `Topics (${c.topics.length})`), el('ol', {}, ...c.topics.map((t) => el('li', {}, t))),
    el('h2', {}, 'Guest editors'),
    el('ul', {}, ...c.guest_editors.map((g) => el('li', {}, el('strong', {}, g.name), g.lead ? ' (lead)' : '', g.affiliation ? `, ${g.affiliation}` : '', g.email ? ` · ${g.email}` : ''))),
    el('h2', {}, 'Submission rules'),
    rules.length || notes.length ? el('div', {}, dl(rules), el('ul', {}, ...notes.map((n) => el('li', {}, n)))) : el('p', { class: 'hint' }, 'No rules stated.'),
    el('h2', {}, 'Scope'), ...c.scope.split(/\n{2,}/).filter(Boolean).map((p) => el('p', {}, p))));
}
