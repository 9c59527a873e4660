/**
 * Drafts from files over HTTP: POST /v1/extract and multipart POST /v1/rank with real files made
 * by the tests (PDF, .docx, .tex, .md), read by the Node readers the server uses.
 */
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeDraftReaders } from '../../src/adapters/node/draft-readers.js';
import { MAX_DRAFT_FILE_BYTES } from '../../src/core/draft-file/index.js';
import { makePdf, PAPER, PAPER_MD, PAPER_TEX, paperDocx, paperPdf } from '../fixtures/draft-files.js';
import { expectError, jsonPost, testApp } from './helpers.js';

function upload(name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}): RequestInit {
  const fd = new FormData();
  fd.append('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return { method: 'POST', body: fd };
}

type Extracted = { title: string; abstract: string; keywords: string[]; source: { kind: string; name: string }; warnings: string[] };

describe('POST /v1/extract', () => {
  let app: Hono;
  beforeAll(async () => ({ app } = await testApp({ draftReaders: nodeDraftReaders() })));

  it.each([
    ['paper.pdf', () => paperPdf(), 'pdf'],
    ['paper.docx', () => paperDocx(), 'docx'],
    ['paper.tex', () => PAPER_TEX, 'tex'],
    ['paper.md', () => PAPER_MD, 'markdown'],
  ] as const)('finds the title, abstract and keywords of %s', async (name, make, kind) => {
    const res = await app.request('/v1/extract', upload(name, await make()));
    expect(res.status).toBe(200);
    const x = (await res.json()) as Extracted;
    expect(x.source).toMatchObject({ kind, name });
    expect(x.title.toLowerCase()).toBe(PAPER.title.toLowerCase());
    expect(x.abstract).toContain('schedule resources across heterogeneous Internet of Everything devices');
    expect(x.abstract).not.toMatch(/Introduction|Index Terms|Keywords/);
    expect(x.keywords).toEqual(PAPER.keywords);
    expect(x.warnings).toEqual([]);
  });

  it('keeps LaTeX math readable and drops citations', async () => {
    const x = (await (await app.request('/v1/extract', upload('paper.tex', PAPER_TEX))).json()) as Extracted;
    expect(x.abstract).toContain('in O(n log n) time');
    expect(x.abstract).toContain('30% lower latency');
    expect(x.abstract).not.toMatch(/\\|cite|mathcal/);
  });

  it.each([
    ['an encrypted PDF', 'locked.pdf', () => makePdf([['Secret', 12]], { encrypted: true }), 422, 'UNREADABLE_FILE', /encrypted/],
    ['a scanned PDF with no text', 'scan.pdf', () => makePdf([], { noText: true }), 422, 'UNREADABLE_FILE', /no text layer/],
    ['a text file named .pdf', 'paper.pdf', () => 'just text', 415, 'UNSUPPORTED_FILE', /named as a PDF but is text/],
    ['an image', 'figure.png', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 415, 'UNSUPPORTED_FILE', /\.png files are not read/],
    ['an old .doc', 'paper.doc', () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 415, 'UNSUPPORTED_FILE', /\.doc files are not read/],
    ['an empty file', 'paper.txt', () => '', 422, 'UNREADABLE_FILE', /is empty/],
    ['a ZIP that is not Word', 'paper.docx', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 422, 'UNREADABLE_FILE', /not a readable \.docx/],
  ] as Array<[string, string, () => Uint8Array | string, number, string, RegExp]>)('refuses %s with a message that says what to do', async (_what, name, make, status, code, message) => {
    const body = await expectError(await app.request('/v1/extract', upload(name, make())), status, code);
    expect(body.error.message).toMatch(message);
  });

  it('refuses a 50 MB file before reading it, in terms of the file', async () => {
    const big = new Uint8Array(50 * 1024 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const body = await expectError(await app.request('/v1/extract', upload('huge.pdf', big)), 413, 'TOO_LARGE');
    expect(body.error.message).toMatch(/draft files are read up to 20 MB/);
    expect(MAX_DRAFT_FILE_BYTES).toBe(20 * 1024 * 1024);
  });

  it('needs a file field, and a form body', async () => {
    const body = await expectError(await app.request('/v1/extract', upload('x.txt', 'x', {}).body ? { method: 'POST', body: new FormData() } : {}), 400, 'VALIDATION');
    expect(body.error.fields?.[0]?.path).toBe('file');
    await expectError(await app.request('/v1/extract', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 400, 'BAD_INPUT');
  });

  it('answers that PDF is not read where no PDF reader was given (the Worker)', async () => {
    const { app: plain } = await testApp();
    const body = await expectError(await plain.request('/v1/extract', upload('paper.pdf', paperPdf())), 415, 'UNSUPPORTED_FILE');
    expect(body.error.message).toMatch(/does not read PDF files/);
    expect((await plain.request('/v1/extract', upload('paper.tex', PAPER_TEX))).status).toBe(200);
  });
});

describe('multipart POST /v1/rank', () => {
  let app: Hono;
  beforeAll(async () => ({ app } = await testApp({ draftReaders: nodeDraftReaders() })));

  it('ranks a PDF draft and says which fields it read', async () => {
    const res = await app.request('/v1/rank', upload('paper.pdf', paperPdf(), { top_k: '2' }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { results: Array<{ call_id: string }>; draft_file: Extracted; filters?: unknown };
    expect(body.results).toHaveLength(2);
    // The same ranking as the fields sent as JSON.
    const json = (await (await app.request('/v1/rank', jsonPost({ ...PAPER, top_k: 2 }))).json()) as { results: Array<{ call_id: string }> };
    expect(body.results.map((r) => r.call_id)).toEqual(json.results.map((r) => r.call_id));
    expect(body.draft_file.source.kind).toBe('pdf');
    expect(body.filters).toBeUndefined(); // no filter set and calls shown: no counts pass
  });

  it('lets typed fields override the file, and applies form filters', async () => {
    const res = await app.request('/v1/rank', upload('paper.md', PAPER_MD, { title: 'My own title', open_only: 'on' }));
    const body = (await res.json()) as { results: Array<{ call_id: string; deadline: { state: string } }>; draft_file: Extracted };
    expect(body.results.every((r) => r.deadline.state !== 'closed')).toBe(true);
    expect(body.results).toHaveLength(2);
    expect(body.draft_file.title).toBe(PAPER.title);
  });

  it('ranks typed fields alone as a form, and validates them like JSON', async () => {
    const ok = await app.request('/v1/rank', upload('empty.txt', 'x', {}).body ? { method: 'POST', body: (() => { const f = new FormData(); f.append('abstract', PAPER.abstract); return f; })() } : {});
    expect(ok.status).toBe(200);
    const f = new FormData();
    f.append('abstract', ' ');
    f.append('top_k', 'many');
    const body = await expectError(await app.request('/v1/rank', { method: 'POST', body: f }), 400, 'VALIDATION');
    expect(body.error.fields?.map((x) => x.path).sort()).toEqual(['abstract', 'top_k']);
  });
});
