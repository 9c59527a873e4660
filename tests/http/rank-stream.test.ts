/**
 * POST /v1/rank with Accept: application/x-ndjson: the ranked list first (no evidence), then the
 * evidence of the same calls in the same order, equal to what the plain JSON answer carries.
 */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { jsonPost, LAM_DRAFT, testApp, testMatcher } from './helpers.js';

interface RankedLine {
  part: 'ranking';
  ranking: { results: Array<{ call_id: string; matched_topics: unknown[]; fit: number }>; timing_ms: object };
}
interface EvidenceLine {
  part: 'evidence';
  results: Array<{ call_id: string; matched_topics: unknown[] }>;
  timing_ms: { embed: number; search: number; total: number };
}

const streamed = (body: object) => {
  const init = jsonPost(body);
  return { ...init, headers: { ...(init.headers as Record<string, string>), accept: 'application/x-ndjson' } };
};

describe('POST /v1/rank streamed as NDJSON', () => {
  it('sends the ranked list, then the evidence of the same calls in order, matching the JSON answer', async () => {
    const { app } = await testApp();
    const res = await app.request('/v1/rank', streamed({ ...LAM_DRAFT, top_k: 3 }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as RankedLine | EvidenceLine);
    expect(lines.map((l) => l.part)).toEqual(['ranking', 'evidence']);
    const [list, evidence] = lines as [RankedLine, EvidenceLine];
    expect(list.ranking.results.length).toBe(3);
    for (const r of list.ranking.results) expect(r.matched_topics).toEqual([]);
    expect(evidence.results.map((r) => r.call_id)).toEqual(list.ranking.results.map((r) => r.call_id));

    const { app: plainApp } = await testApp();
    const plain = (await (await plainApp.request('/v1/rank', jsonPost({ ...LAM_DRAFT, top_k: 3 }))).json()) as RankedLine['ranking'];
    expect(plain.results.map((r) => r.call_id)).toEqual(evidence.results.map((r) => r.call_id));
    expect(plain.results.map((r) => r.fit)).toEqual(list.ranking.results.map((r) => r.fit));
    expect(evidence.results.map((r) => r.matched_topics)).toEqual(plain.results.map((r) => r.matched_topics));
    expect(evidence.results.some((r) => r.matched_topics.length > 0)).toBe(true);
  });

  it('sends the list while the sentences are still being embedded', async () => {
    const matcher = await testMatcher();
    const app = createApp({ matcher });
    const inner = matcher.embedder.embed.bind(matcher.embedder);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const asked: number[] = [];
    // The request's second embed (its sentences) waits for the gate.
    (matcher.embedder as { embed: typeof inner }).embed = async (texts) => {
      asked.push(texts.length);
      if (asked.length === 2) await gate;
      return inner(texts);
    };
    const res = await app.request('/v1/rank', streamed(LAM_DRAFT));
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = JSON.parse(new TextDecoder().decode((await reader.read()).value).split('\n')[0] as string) as RankedLine;
    expect(first.part).toBe('ranking');
    expect(asked[0]).toBe(1); // the whole text alone
    release();
    let rest = '';
    for (let c = await reader.read(); !c.done; c = await reader.read()) rest += new TextDecoder().decode(c.value);
    expect((JSON.parse(rest.trim()) as EvidenceLine).part).toBe('evidence');
    expect(asked[1]).toBeGreaterThan(1); // then the sentences
  });

  it('answers bad input with the ordinary JSON error, and an evidence failure with an error line', async () => {
    const { app, matcher } = await testApp();
    const bad = await app.request('/v1/rank', streamed({ abstract: ' ' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION');

    const inner = matcher.embedder.embed.bind(matcher.embedder);
    let calls = 0;
    // The whole text embeds; the sentences (the second embed of the request) fail.
    (matcher.embedder as { embed: typeof inner }).embed = async (texts) => (++calls === 2 ? Promise.reject(new Error('boom')) : inner(texts));
    const res = await app.request('/v1/rank', streamed({ ...LAM_DRAFT, abstract: `${LAM_DRAFT.abstract} A new sentence.` }));
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as { part: string; error?: { code: string } });
    expect(lines.map((l) => l.part)).toEqual(['ranking', 'error']);
    expect(lines[1]?.error?.code).toBe('INTERNAL');
  });

  it('answers plain JSON when explanations are asked for', async () => {
    const { app } = await testApp();
    const res = await app.request('/v1/rank', streamed({ ...LAM_DRAFT, explain: true }));
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  });
});
