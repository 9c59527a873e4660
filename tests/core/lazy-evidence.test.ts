/**
 * Topic evidence is computed only for the calls a request returns. These tests
 * compare that lazy path with the eager one (evidence for every call, as ranking
 * did before) on a small corpus: what is returned must be identical.
 */
import { describe, expect, it } from 'vitest';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher, type Matcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import type { Embedder } from '../../src/core/ports.js';
import { DEFAULT_IN_SCOPE_THRESHOLD, inScopeProbability } from '../../src/core/rank/calibration.js';
import { evidenceOfCall } from '../../src/core/rank/evidence.js';
import { byScore, scoreCalls } from '../../src/core/rank/score-calls.js';
import { Call, type CallInput } from '../../src/core/schema.js';
import { createFakeEmbedder, FAKE_TOPIC_THRESHOLD } from '../fixtures/fake-embedder.js';

const call = (c: CallInput) => Call.parse(c);
const CALLS = [
  call({ id: 'edge', title: 'Edge intelligence', topics: ['federated learning at the network edge', 'model compression for devices', 'on-device inference'], scope: 'Edge computing meets AI.' }),
  call({ id: 'bio', title: 'Biomedical language processing', topics: ['clinical text mining', 'protein literature search'], scope: 'NLP for biology and medicine.', dates: { submission_deadline: '2025-01-31' } }),
  call({ id: 'quantum', title: 'Quantum networks', topics: ['entanglement distribution', 'quantum key distribution'], scope: 'Quantum communication.' }),
  call({ id: 'scope-only', title: 'Learning systems', topics: [], scope: 'Federated learning systems. Compression of neural models for devices at the edge. Privacy of clinical data.' }),
  call({ id: 'privacy', title: 'Privacy in machine learning', topics: ['differential privacy', 'federated analytics', 'clinical data sharing', 'secure aggregation'], scope: 'Privacy-preserving learning.' }),
  call({ id: 'compilers', title: 'Compilers for ML', topics: ['model compression', 'kernel fusion'], scope: 'Compilers and runtimes for models.', dates: { submission_deadline: '2025-03-01' } }),
];

const DRAFTS = [
  { title: 'Federated learning on edge devices', abstract: 'We compress models so that federated learning runs at the network edge. Clinical data never leaves the devices. Secure aggregation hides updates.', keywords: ['edge'] },
  { title: 'Entangled photons', abstract: 'Entanglement distribution over long fibres. A new quantum key distribution protocol.', keywords: [] },
  { title: 'Mining notes', abstract: 'Clinical text mining with language models. Protein literature search is next.', keywords: [] },
];

async function setup() {
  const embedder = createFakeEmbedder();
  const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), store: createMemoryStore(CALLS), today: () => '2025-06-01', params: { topicThreshold: FAKE_TOPIC_THRESHOLD } });
  await matcher.sync();
  return { matcher, embedder };
}

/** Evidence of every call, computed eagerly from the draft's sentences (what ranking did before it was lazy). */
async function eagerEvidence(matcher: Matcher, embedder: Embedder, sentences: readonly string[]) {
  // Index 0 is the title slot (empty without a title): not an evidence unit then.
  const kept = sentences.map((text, index) => ({ text, index })).filter((u) => u.text);
  const vectors = await embedder.embed(kept.map((u) => u.text));
  const units = kept.map((u, i) => ({ ...u, vector: vectors[i] as Float32Array }));
  return new Map([...matcher.corpus.calls.keys()].map((id) => [id, evidenceOfCall(matcher.corpus, id, units, matcher.params.topicThreshold)]));
}

describe('lazy topic evidence', () => {
  it('rank() returns the same results, matched topics included, as computing evidence for every call', async () => {
    const { matcher, embedder } = await setup();
    for (const d of DRAFTS) {
      for (const open_only of [false, true]) {
        const { embedded } = await matcher.scoreDraft(d);
        const all = await eagerEvidence(matcher, embedder, embedded.sentences);
        const eager = scoreCalls(matcher.corpus, embedded, [...matcher.corpus.calls.keys()], matcher.params)
          .sort(byScore)
          .filter((s) => !open_only || (s.callId !== 'bio' && s.callId !== 'compilers'))
          .slice(0, 3);
        const res = await matcher.rank({ ...d, top_k: 3, open_only });
        expect(res.results.map((r) => r.call_id)).toEqual(eager.map((s) => s.callId));
        res.results.forEach((r, i) => {
          const evidence = all.get(eager[i]?.callId ?? '') ?? [];
          // Below the in-scope threshold nothing is matched; the closest topics come as nearest_topics.
          const inScope = r.fit >= 100 * DEFAULT_IN_SCOPE_THRESHOLD;
          const expected = inScope ? evidence.filter((m) => m.similarity >= matcher.params.topicThreshold).slice(0, matcher.params.maxMatchedTopics) : [];
          expect(JSON.stringify(r.matched_topics)).toBe(JSON.stringify(expected));
          expect(JSON.stringify(r.nearest_topics)).toBe(inScope ? undefined : JSON.stringify(evidence.slice(0, 3)));
        });
        expect(res.results.some((r) => r.matched_topics.length > 0 || (r.nearest_topics ?? []).length > 0)).toBe(true);
      }
    }
  });

  it('scoring embeds only the whole text; sentences are embedded once, on the first evidence asked for', async () => {
    const { matcher, embedder } = await setup();
    const d = DRAFTS[0] as (typeof DRAFTS)[number];
    const before = { calls: embedder.calls, texts: embedder.texts };
    const sd = await matcher.scoreDraft(d);
    expect([embedder.calls - before.calls, embedder.texts - before.texts]).toEqual([1, 1]);
    const [first] = await sd.evidence(['edge']);
    const again = await sd.evidence(['edge', 'privacy']);
    expect(embedder.calls - before.calls).toBe(2);
    expect(embedder.texts - before.texts).toBe(1 + sd.embedded.sentences.length);
    expect(again[0]).toBe(first);
    const all = await eagerEvidence(matcher, embedder, sd.embedded.sentences);
    expect(JSON.stringify(again[1])).toBe(JSON.stringify(all.get('privacy')));
    expect(await sd.evidence(['no-such-call'])).toEqual([[]]);
  });

  it('lexical scores per candidate equal scoreAll bit for bit', async () => {
    const { matcher } = await setup();
    for (const d of DRAFTS) {
      const { embedded, scored } = await matcher.scoreDraft(d);
      const all = matcher.corpus.bm25.scoreAll(embedded.text);
      for (const s of scored) expect(s.lexical).toBe(all.get(s.callId) ?? 0);
    }
  });

  it('gives the top call the probability of its features under the matcher calibration, and no lower-scored call a higher one', async () => {
    const { matcher } = await setup();
    const { scored } = await matcher.scoreDraft(DRAFTS[1] as (typeof DRAFTS)[number]);
    const top = scored[0];
    if (!top) throw new Error('nothing scored');
    expect(top.probability).toBe(inScopeProbability(top, matcher.calibration));
    for (let i = 1; i < scored.length; i++) expect(scored[i]?.probability).toBeLessThanOrEqual(scored[i - 1]?.probability ?? 1);
    for (const s of scored) expect(s.probability).toBe(inScopeProbability({ ...top, score: s.score }, matcher.calibration));
  });
});
