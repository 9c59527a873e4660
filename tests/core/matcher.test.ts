import { describe, expect, it } from 'vitest';
import { createFlatIndex } from '../../src/core/flat-index.js';
import { createMatcher } from '../../src/core/matcher.js';
import { createMemoryStore } from '../../src/core/memory-store.js';
import { Call, type CallInput } from '../../src/core/schema.js';
import { createFakeEmbedder } from '../fixtures/fake-embedder.js';

const call = (c: CallInput) => Call.parse(c);
const CALLS = [
  call({ id: 'edge', title: 'Edge intelligence', topics: ['federated learning at the network edge', 'model compression for devices'], scope: 'Edge computing meets AI.', dates: { submission_deadline: '2026-01-31' } }),
  call({ id: 'bio', title: 'Biomedical language processing', topics: ['clinical text mining', 'protein literature search'], scope: 'NLP for biology and medicine.', dates: { submission_deadline: '2025-01-31' } }),
  call({ id: 'quantum', title: 'Quantum networks', topics: ['entanglement distribution', 'quantum key distribution'], scope: 'Quantum communication.' }),
];

async function setup() {
  const embedder = createFakeEmbedder();
  const store = createMemoryStore(CALLS);
  const matcher = createMatcher({ embedder, index: createFlatIndex({ dimensions: embedder.dimensions }), store, today: () => '2025-06-01' });
  await matcher.sync();
  return { embedder, store, matcher };
}

const draft = {
  title: 'Federated learning on edge devices',
  abstract: 'We compress models so that federated learning runs at the network edge. Clinical data never leaves the devices.',
  keywords: ['edge'],
};

describe('createMatcher', () => {
  it('ranks the call that shares the draft\'s words first and names the supporting sentence', async () => {
    const { matcher } = await setup();
    const res = await matcher.rank(draft);
    expect(res.results[0]?.call_id).toBe('edge');
    expect(res.total_calls).toBe(3);
    const topic = res.results[0]?.matched_topics.find((t) => t.topic.startsWith('federated'));
    expect(topic?.sentence).toMatch(/federated learning/i);
    for (const r of res.results) {
      expect(r.fit).toBeGreaterThanOrEqual(0);
      expect(r.fit).toBeLessThanOrEqual(100);
    }
  });

  it('orders results by score and respects top_k', async () => {
    const { matcher } = await setup();
    const res = await matcher.rank({ ...draft, top_k: 2 });
    expect(res.results).toHaveLength(2);
    expect(res.results[0]!.score).toBeGreaterThanOrEqual(res.results[1]!.score);
  });

  it('marks closed calls and leaves them out with open_only', async () => {
    const { matcher } = await setup();
    const all = await matcher.rank(draft);
    expect(all.as_of).toBe('2025-06-01');
    expect(all.results.find((r) => r.call_id === 'bio')?.deadline.state).toBe('closed');
    expect(all.results.find((r) => r.call_id === 'quantum')?.deadline.state).toBe('unknown');
    const open = await matcher.rank({ ...draft, open_only: true });
    expect(open.results.map((r) => r.call_id)).not.toContain('bio');
  });

  it('ingests a call without a restart and embeds only its passages', async () => {
    const { matcher, embedder, store } = await setup();
    const before = embedder.texts;
    await matcher.ingest(call({ id: 'robots', title: 'Swarm robotics', topics: ['multi-robot coordination'], scope: 'Robots that cooperate.' }));
    const passagesOfNewCall = matcher.corpus.passagesByCall.get('robots')?.length ?? 0;
    expect(embedder.texts - before).toBe(passagesOfNewCall);
    expect(await store.get('robots')).toBeDefined();
    const res = await matcher.rank({ title: 'Coordination of robot swarms', abstract: 'Many robots coordinate as a swarm.' });
    expect(res.results[0]?.call_id).toBe('robots');
  });

  it('re-syncing an unchanged store embeds nothing; a changed topic embeds only that text', async () => {
    const { matcher, embedder, store } = await setup();
    const before = embedder.texts;
    expect((await matcher.sync()).embedded).toBe(0);
    await store.put(Call.parse({ ...CALLS[2], topics: ['entanglement distribution', 'quantum repeaters'] }));
    const r = await matcher.sync();
    // the changed topic and the whole-call passage that contains it
    expect(r.embedded).toBe(2);
    expect(embedder.texts - before).toBe(2);
  });

  it('removes a call and reports unknown ids as UNKNOWN_CALL', async () => {
    const { matcher } = await setup();
    await matcher.remove('bio');
    expect(matcher.listCalls().map((c) => c.id)).not.toContain('bio');
    expect(() => matcher.getCall('bio')).toThrow(/no call/);
    await expect(matcher.remove('bio')).rejects.toMatchObject({ code: 'UNKNOWN_CALL' });
  });

  it('runs concurrent ingests without losing any', async () => {
    const { matcher } = await setup();
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => matcher.ingest(call({ id: `c${i}`, title: `Call ${i}`, topics: [`topic ${i}`], scope: '' }))),
    );
    expect(matcher.listCalls()).toHaveLength(8);
    const ids = matcher.corpus.index.size();
    const expected = [...matcher.corpus.passagesByCall.values()].reduce((n, ps) => n + ps.length, 0);
    expect(ids).toBe(expected);
  });
});
