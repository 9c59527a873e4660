import { describe, expect, it } from 'vitest';
import { notTextFile, parseSubmissions } from '../../src/web/views/parse-submissions.js';
import { CLIENT_MODULES } from '../../src/web/generated/client-js.js';
import { PAPER_TEX } from '../fixtures/draft-files.js';
import { LAM_DRAFT, testApp } from './helpers.js';

const form = (fields: Record<string, string | string[]>): RequestInit => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body };
};

describe('web pages (server-rendered, no JavaScript needed)', () => {
  it.each(['/', '/editor', '/calls', '/calls/ieee-network-lam-ioe'])('GET %s renders the page on the server with a strict CSP', async (path) => {
    const { app } = await testApp();
    const res = await app.request(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('<main id="main"');
    expect(html).not.toContain('Loading');
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]|style="/);
    // Nothing loads from elsewhere (a call's own portal link is fine).
    expect(html).not.toMatch(/src="https?:|<link[^>]*href="https?:/);
  });

  it('serves the typed bundle (no eval, no imports, no toString shim) and the stylesheet', async () => {
    const { app } = await testApp();
    const js = await app.request('/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    const src = await js.text();
    expect(() => new Function(src)).not.toThrow();
    expect(src).not.toMatch(/\bimport\b\s*[{(*'"]|__name|toString\(\)\)/);
    expect(src.length).toBeLessThan(60_000);
    expect(CLIENT_MODULES.some((m) => m.includes('zod'))).toBe(false);
    const css = await app.request('/assets/app.css');
    expect(css.headers.get('content-type')).toContain('text/css');
  });

  it('POST / ranks the draft and renders the cards and exports', async () => {
    const { app } = await testApp();
    const res = await app.request('/', form({ title: LAM_DRAFT.title, abstract: LAM_DRAFT.abstract, keywords: LAM_DRAFT.keywords.join(', ') }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.match(/<article class="result"/g)).toHaveLength(3);
    expect(html).toContain('data-call-id="ieee-network-lam-ioe"');
    expect(html).toMatch(/3 calls shown of 3 \(deadlines as of 2025-01-10\)/);
    expect(html).toContain('<mark title=');
    expect(html).toMatch(/Closed \(2024-/);
    expect(html).toContain('name="format" value="csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('POST / with an empty abstract re-renders the form with the error and the field marked', async () => {
    const { app } = await testApp();
    const res = await app.request('/', form({ title: 'Only a title', abstract: '' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('abstract must not be empty');
    expect(html).toMatch(/<textarea id="abstract"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Only a title"');
  });

  it('POST / explains an empty result and its button drops the filter', async () => {
    const { app } = await testApp();
    const fields = { abstract: LAM_DRAFT.abstract, venue: 'China Communications', open_only: '1' };
    const html = await (await app.request('/', form(fields))).text();
    expect(html).toContain('No open call matches; 1 closed call does.');
    expect(html).toContain('name="relax" value="open_only"');
    const relaxed = await (await app.request('/', form({ ...fields, relax: 'open_only' }))).text();
    expect(relaxed.match(/<article class="result"/g)).toHaveLength(1);
    expect(relaxed).not.toMatch(/id="f-open"[^>]*checked/);
  });

  it('POST / with format=csv downloads the ranking as Excel-ready CSV', async () => {
    const { app } = await testApp();
    const res = await app.request('/', form({ abstract: LAM_DRAFT.abstract, format: 'csv' }));
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="cfpmatch-calls-2025-01-10\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('rank,call_id,title')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    const md = await (await app.request('/', form({ abstract: LAM_DRAFT.abstract, format: 'md' }))).text();
    expect(md).toMatch(/^# Calls for the draft/);
  });

  it('POST / with a draft file fills the form for checking (multipart, no JavaScript)', async () => {
    const { app } = await testApp();
    const fd = new FormData();
    fd.append('action', 'read');
    fd.append('file', new File([PAPER_TEX], 'paper.tex'));
    const res = await app.request('/', { method: 'POST', body: fd });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Read <strong>paper.tex</strong>');
    expect(html).toContain('value="Compressed Large Language Models for Resource Scheduling at the Network Edge"');
    expect(html).toContain('in O(n log n) time');
    expect(html).toContain('value="large AI models, edge computing, resource scheduling"');
    const bad = new FormData();
    bad.append('file', new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'figure.png'));
    const refused = await app.request('/', { method: 'POST', body: bad });
    expect(refused.status).toBe(415);
    expect(await refused.text()).toContain('.png files are not read');
  });

  it('GET / takes filters from the query (a link without a draft)', async () => {
    const { app } = await testApp();
    const html = await (await app.request('/?open_only=1&venue=IEEE+Network')).text();
    expect(html).toMatch(/id="f-open"[^>]*checked/);
    expect(html).toMatch(/<option value="IEEE Network" selected>/);
  });

  it('GET / counts the calls the open-only filter keeps, naming those without a deadline apart', async () => {
    const { app, matcher } = await testApp();
    const html = await (await app.request('/')).text();
    const total = matcher.listCalls().length;
    const undated = matcher.listCalls().filter((c) => !c.dates.submission_deadline).length;
    const m = /Hide closed calls \((\d+) of (\d+) left(?:, (\d+) of them without a stated deadline)?\)/.exec(html);
    expect(m?.[2]).toBe(String(total));
    expect(Number(m?.[3] ?? 0)).toBe(undated);
    expect(html).not.toContain('still open');
  });

  it('a filter that does not parse is named on the page and the other filters are kept, never all dropped', async () => {
    const { app } = await testApp();
    // A link with one bad date: the venue still applies and the page says which filter was left out.
    const link = await app.request('/?venue=IEEE+Network&deadline_after=2026-02-30');
    expect(link.status).toBe(400);
    const linked = await link.text();
    expect(linked).toMatch(/<option value="IEEE Network" selected>/);
    expect(linked).toMatch(/role="alert"><p><strong>[^<]*<\/strong>[^<]*<\/p><ul><li><code>deadline_after<\/code>: not a calendar date/);
    expect(linked).toMatch(/id="f-after"[^>]*aria-invalid="true"/);
    // A ranking with a bad filter is not made without it: the form comes back with the field named.
    const posted = await app.request('/', form({ abstract: LAM_DRAFT.abstract, venue: 'IEEE Network', deadline_before: '2026-13-01' }));
    expect(posted.status).toBe(400);
    const html = await posted.text();
    expect(html).toContain('<code>deadline_before</code>');
    expect(html).not.toContain('<article class="result"');
    expect(html).toMatch(/<option value="IEEE Network" selected>/);
    expect(html).toContain(LAM_DRAFT.abstract);
  });

  it('an inverted deadline window is named on the author and calls pages, and no ranking is made', async () => {
    const { app } = await testApp();
    const posted = await app.request('/', form({ abstract: LAM_DRAFT.abstract, deadline_after: '2026-06-01', deadline_before: '2026-01-01' }));
    expect(posted.status).toBe(400);
    const html = await posted.text();
    expect(html).toContain('deadline_after 2026-06-01 is later than deadline_before 2026-01-01: swap them or drop one');
    expect(html).not.toContain('<article class="result"');
    const calls = await app.request('/calls?deadline_after=2026-06-01&deadline_before=2026-01-01');
    expect(calls.status).toBe(400);
    expect(await calls.text()).toContain('is later than deadline_before 2026-01-01');
  });

  it('POST /editor triages pasted submissions into one line each, filters and exports', async () => {
    const { app } = await testApp();
    const submissions = `${LAM_DRAFT.title}\n${LAM_DRAFT.abstract}\n---\nMedieval poetry\nWe read Italian manuscripts of the fourteenth century.`;
    const html = await (await app.request('/editor', form({ call_id: 'ieee-network-lam-ioe', submissions }))).text();
    expect(html.match(/<tr data-verdict=/g)).toHaveLength(2);
    expect(html).toContain('<summary>Medieval poetry</summary>');
    expect(html).toMatch(/Out of scope \(1\)/);
    const only = await (await app.request('/editor', form({ call_id: 'ieee-network-lam-ioe', submissions, verdict: 'out_of_scope' }))).text();
    expect(only.match(/<tr data-verdict=/g)).toHaveLength(1);
    const csv = await app.request('/editor', form({ call_id: 'ieee-network-lam-ioe', submissions, format: 'csv' }));
    const text = await csv.text();
    expect(text.startsWith('id,title,verdict,probability')).toBe(true);
    expect(text).toContain('Medieval poetry');
  });

  it('POST /editor names bad lines and an unknown call on the page', async () => {
    const { app } = await testApp();
    const bad = await app.request('/editor', form({ call_id: 'ieee-network-lam-ioe', submissions: '{"title":"A","abstract":"x y"}\nnot json' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('line 2: not valid JSON');
    const unknown = await app.request('/editor', form({ call_id: 'nope', submissions: 'T\nAn abstract.' }));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('no call with id');
  });

  it.each([
    ['an Excel workbook', 'subs.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00])],
    ['an image', 'subs.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['a PDF', 'subs.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n')],
  ])('POST /editor refuses %s upload with what to upload instead, triaging nothing', async (_what, name, bytes) => {
    const { app } = await testApp();
    const body = new FormData();
    body.append('call_id', 'ieee-network-lam-ioe');
    body.append('file', new File([bytes], name));
    const res = await app.request('/editor', { method: 'POST', body });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(`${name} is not a text file: upload CSV (save a spreadsheet as CSV UTF-8), JSON Lines, JSON or plain text`);
    expect(html).not.toMatch(/<tr data-verdict=/);
  });

  it('page form posts count against the API rate limit (same buckets)', async () => {
    const { app } = await testApp({ security: { rateLimit: { perMinute: 1, burst: 2, key: () => 'one-client' } } });
    expect((await app.request('/', form({ abstract: LAM_DRAFT.abstract }))).status).toBe(200);
    expect((await app.request('/v1/rank', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ abstract: LAM_DRAFT.abstract }) })).status).toBe(200);
    expect((await app.request('/editor', form({ call_id: 'ieee-network-lam-ioe', submissions: 'T\nAn abstract.' }))).status).toBe(429);
    expect((await app.request('/calls')).status).toBe(200); // reading pages is not limited
  });

  it('GET /calls marks closed calls, filters and pages; an unknown call is a 404 page', async () => {
    const { app } = await testApp();
    const html = await (await app.request('/calls')).text();
    expect(html).toMatch(/<li class="call-item is-closed">\s*<a href="\/calls\/china-comms-6g-edge-genai">/);
    expect(html).toMatch(/Closed \(2024-/);
    const paged = await (await app.request('/calls?limit=1&sort=deadline')).text();
    expect(paged).toContain('Next →');
    const empty = await (await app.request('/calls?open_only=1&venue=China+Communications')).text();
    expect(empty).toContain('No open call matches; 1 closed call does.');
    expect(empty).toContain('href="/calls?venue=China+Communications"');
    // A bad query value is named on the page; the valid filters still apply.
    const bad = await app.request('/calls?venue=China+Communications&sort=nope&limit=abc');
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toMatch(/role="alert"[^>]*>.*<code>sort<\/code>/s);
    expect(badHtml).toContain('<code>limit</code>');
    expect(badHtml.match(/<li class="call-item/g)).toHaveLength(1);
    const missing = await app.request('/calls/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Call not found');
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

  it('tells a text file from a spreadsheet, PDF or image', () => {
    expect(notTextFile('subs.csv', new TextEncoder().encode('title,abstract\nA,"x y"'))).toBeUndefined();
    expect(notTextFile('subs.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0x14, 0]))).toMatch(/^subs\.xlsx is not a text file/);
    expect(notTextFile('subs.pdf', new TextEncoder().encode('%PDF-1.7\n'))).toMatch(/^subs\.pdf is not a text file/);
  });

  it('reads plain blocks separated by ---', () => {
    expect(parseSubmissions('Title one\nAbstract one.\n---\nTitle two\nAbstract two.').submissions).toEqual([
      { title: 'Title one', abstract: 'Abstract one.' },
      { title: 'Title two', abstract: 'Abstract two.' },
    ]);
  });
});
