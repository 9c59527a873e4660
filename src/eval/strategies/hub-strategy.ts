/**
 * Hubness reduction (prototype, run by name only: `hub:<lambda>[,top=<share>]`). Some calls come out
 * on top for many drafts that are not theirs (arXiv: math.SP, 2 papers of its own, is the top call
 * of 57). Cross-domain similarity local scaling (Conneau et al., "Word translation without parallel
 * data", ICLR 2018) takes from each call's score its mean score over the queries nearest it; here
 * the queries are the shipped reference abstracts run through the service's own scorer, so a call
 * that scores high for every abstract of its neighbourhood pays for it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_REFERENCE_DIR, REFERENCE_ABSTRACTS } from '../../adapters/node/reference-file.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { scoreCalls } from '../../core/rank/score-calls.js';
import type { Strategy } from './strategy.js';

/** Each call's mean fused score over its best-scoring `topShare` of the reference abstracts. */
export function hubStrategy(name: string, lambda: number, topShare = 1): Strategy {
  let hub = new Map<string, number>();
  return {
    name,
    needsSentences: false,
    async prepare({ corpus, embedder }) {
      const text = await readFile(join(DEFAULT_REFERENCE_DIR, REFERENCE_ABSTRACTS), 'utf8');
      const rows = text.trim().split('\n').map((l) => JSON.parse(l) as { title: string; abstract: string });
      const ids = [...corpus.calls.keys()];
      const byCall = new Map<string, number[]>(ids.map((id) => [id, []]));
      for (const r of rows) {
        const prepared = prepareDraft({ title: r.title, abstract: r.abstract, keywords: [] });
        const [vector] = await embedder.embed([prepared.text]);
        if (!vector) continue;
        for (const s of scoreCalls(corpus, { ...prepared, vector }, ids, DEFAULT_RANK_PARAMS)) byCall.get(s.callId)?.push(s.score);
      }
      hub = new Map([...byCall].map(([id, xs]) => {
        const top = xs.sort((a, b) => b - a).slice(0, Math.max(1, Math.round(xs.length * topShare)));
        return [id, top.reduce((a, b) => a + b, 0) / top.length];
      }));
    },
    score({ corpus, draft, callIds }) {
      return scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS).map((s) => ({ callId: s.callId, dense: s.dense, coverage: s.coverage, score: s.score - lambda * (hub.get(s.callId) ?? 0) }));
    },
  };
}
