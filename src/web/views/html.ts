/**
 * A small HTML template tag shared by the server pages and the browser bundle: every value is
 * escaped unless it is already {@link Html}; arrays are joined; null, undefined and false render
 * nothing. hono/html does the same on the server, but its result type may be a Promise, and the
 * browser bundle should not carry Hono: this is synchronous, typed and a few lines.
 */
export interface Html {
  readonly html: string;
  toString(): string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * @example
 * escapeHtml('<b>"x"</b>') // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already safe (built by {@link html}, or a constant). */
export function raw(markup: string): Html {
  return { html: markup, toString: () => markup };
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return '';
  if (Array.isArray(v)) return v.map(render).join('');
  if (typeof v === 'object' && 'html' in v && typeof (v as Html).html === 'string') return (v as Html).html;
  return escapeHtml(String(v));
}

/**
 * @example
 * String(html`<p title="${'a"b'}">${'<x>'}</p>`) // '<p title="a&quot;b">&lt;x&gt;</p>'
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

/** An attribute that is present only when `on` (`disabled`, `checked`, `open`...). */
export const attr = (name: string, on: boolean | undefined): Html => raw(on ? ` ${name}` : '');

/** `1 call`, `3 calls`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
