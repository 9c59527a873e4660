import { describe, expect, it } from 'vitest';
import { parseSubmissions } from '../../src/web/views/parse-submissions.js';
import { testApp } from './helpers.js';

describe('web pages', () => {
  it.each(['/', '/editor', '/calls', '/calls/ieee-network-lam-ioe'])('GET %s serves the page shell with a strict CSP', async (path) => {
    const { app } = await testApp();
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<main id="app"');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it('serves the script and stylesheet from the app itself', async () => {
    const { app } = await testApp();
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    const src = await js.text();
    expect(() => new Function(src)).not.toThrow();
    expect(src).not.toMatch(/\bimport\b\s*[{(*'"]/);
    const css = await app.request('/assets/app.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });
});

describe('parseSubmissions (editor paste/upload)', () => {
  it('reads CSV with quoted commas, quotes and newlines', () => {
    const csv = 'id,title,abstract,keywords\ns1,"Edge, LLMs","We ""compress"" models,\nthen deploy.","a; b"\ns2,Other,Plain abstract.,';
    expect(parseSubmissions(csv)).toEqual({
      submissions: [
        { id: 's1', title: 'Edge, LLMs', abstract: 'We "compress" models,\nthen deploy.', keywords: ['a', 'b'] },
        { id: 's2', title: 'Other', abstract: 'Plain abstract.' },
      ],
      errors: [],
    });
  });

  it('reads JSON Lines and names bad lines', () => {
    const r = parseSubmissions('{"title":"A","abstract":"x y"}\nnot json\n{"title":"B"}');
    expect(r.submissions).toEqual([{ title: 'A', abstract: 'x y' }]);
    expect(r.errors).toEqual(['line 2: not valid JSON', 'line 3: no abstract']);
  });

  it('reads plain blocks separated by ---', () => {
    expect(parseSubmissions('Title one\nAbstract one.\n---\nTitle two\nAbstract two.').submissions).toEqual([
      { title: 'Title one', abstract: 'Abstract one.' },
      { title: 'Title two', abstract: 'Abstract two.' },
    ]);
  });
});
