/**
 * Topic evidence is computed only for the calls a request returns. These tests
 * compare that lazy path with the eager one (evidence for every candidate, as
 * ranking did before) on a small corpus: what is returned must be identical.
 */
import { describe, expect, it } from 'vitest';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import { inScopeProbability } from '../../src/core/rank/fusion.js';
import { scoreCalls } from '../../src/core/rank/score-calls.js';
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
  return matcher;
}

describe('lazy topic evidence', () => {
  it('rank() returns the same results, matched topics included, as computing evidence for every candidate', async () => {
    const matcher = await setup();
    for (const d of DRAFTS) {
      for (const open_only of [false, true]) {
        const { embedded } = await matcher.scoreDraft(d);
        const eager = scoreCalls(matcher.corpus, embedded, [...matcher.corpus.calls.keys()], matcher.params, { evidence: true })
          .map((s) => ({ ...s, probability: inScopeProbability(s, matcher.calibration) }))
          .sort((a, b) => b.score - a.score || (a.callId < b.callId ? -1 : 1))
          .filter((s) => !open_only || s.callId !== 'bio' && s.callId !== 'compilers')
          .slice(0, 3);
        const res = await matcher.rank({ ...d, top_k: 3, open_only });
        expect(res.results.map((r) => r.call_id)).toEqual(eager.map((s) => s.callId));
        res.results.forEach((r, i) => {
          const e = eager[i];
          const expected = (e?.evidenceList ?? []).filter((m) => m.similarity >= matcher.params.topicThreshold).slice(0, matcher.params.maxMatchedTopics);
          expect(JSON.stringify(r.matched_topics)).toBe(JSON.stringify(expected));
        });
        expect(res.results.some((r) => r.matched_topics.length > 0)).toBe(true);
      }
    }
  });

  it('scores do not depend on evidence when evidenceShare is 0, and it is not computed', async () => {
    const matcher = await setup();
    const { embedded, scored } = await matcher.scoreDraft(DRAFTS[0]);
    expect(scored.every((s) => s.evidenceList === undefined)).toBe(true);
    // Same call order as scoreDraft (corpus order): z-scores sum in that order.
    const eager = scoreCalls(matcher.corpus, embedded, [...matcher.corpus.calls.keys()], matcher.params, { evidence: true });
    for (const s of scored) {
      const e = eager.find((x) => x.callId === s.callId);
      expect([s.score, s.denseMix, s.zDense, s.zLexical]).toEqual([e?.score, e?.denseMix, e?.zDense, e?.zLexical]);
    }
    const withEv = await matcher.withEvidence(embedded, scored);
    for (const s of withEv) expect(JSON.stringify(s.evidenceList)).toBe(JSON.stringify(eager.find((x) => x.callId === s.callId)?.evidenceList));
  });

  it('lexical scores per candidate equal scoreAll bit for bit', async () => {
    const matcher = await setup();
    for (const d of DRAFTS) {
      const { embedded, scored } = await matcher.scoreDraft(d);
      const all = matcher.corpus.bm25.scoreAll(embedded.text);
      for (const s of scored) expect(s.lexical).toBe(all.get(s.callId) ?? 0);
    }
  });

  it('computes evidence for every candidate when it enters the score', async () => {
    const embedder = createFakeEmbedder();
    const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: 64 }), store: createMemoryStore(CALLS), params: { evidenceShare: 0.3 } });
    await matcher.sync();
    const { scored } = await matcher.scoreDraft(DRAFTS[0]);
    expect(scored.every((s) => Array.isArray(s.evidenceList))).toBe(true);
    expect(scored.some((s) => s.evidence > 0)).toBe(true);
  });
});
