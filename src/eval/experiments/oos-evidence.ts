/**
 * One-off experiment (eval/README.md, "What we tried"): does the topic or scope evidence of the top
 * call separate out-of-scope papers better than the calibration's features? Every out-of-scope
 * paper of a suite plus a seeded sample of in-scope ones; AUROC of single features and 5-fold
 * cross-validated logistic fits. Run: npm run build && node dist/eval/experiments/oos-evidence.js arxiv 400
 */
import { createUseLiteEmbedder } from '../../adapters/node/use-lite-embedder.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { evidenceOfCall } from '../../core/rank/evidence.js';
import type { EmbeddedDraft } from '../../core/rank/features.js';
import { DEFAULT_RANK_PARAMS } from '../../core/rank/fusion.js';
import { byScore, scoreCalls } from '../../core/rank/score-calls.js';
import { meanOfTop } from '../strategies/evidence-strategy.js';
import { createRng } from '../../core/random.js';
import { createCachedEmbedder } from '../../eval/embed-cache.js';
import { loadEvalFiles } from '../../eval/load.js';
import { cvAuroc, featureAuroc, type FeatureRow } from './cv.js';
import { evalCorpus, evalDraft } from '../../eval/run.js';

const suite = process.argv[2] ?? 'arxiv';
const nIn = Number(process.argv[3] ?? 400);
const { calls, papers } = await loadEvalFiles(`../shared/eval/${suite}/calls.jsonl`, `../shared/eval/${suite}/papers.jsonl`);
const embedder = await createCachedEmbedder(createUseLiteEmbedder({ threads: 2 }), 'eval/.cache');
const { corpus, callIds } = await evalCorpus(calls, embedder);
const r = createRng(42);
const inScope = papers.filter((p) => p.call_id !== null).map((p) => ({ p, k: r() })).sort((a, b) => a.k - b.k).slice(0, nIn).map((x) => x.p);
const sample = [...papers.filter((p) => p.call_id === null), ...inScope];
const rows: FeatureRow[] = [];
let n = 0;
for (const paper of sample) {
  const prepared = prepareDraft(evalDraft(paper));
  const [vector, ...sentenceVectors] = await embedder.embed([prepared.text, ...prepared.sentences]);
  const draft: EmbeddedDraft = { ...prepared, vector: vector as Float32Array };
  const sentences = prepared.sentences.map((text, i) => ({ text, vector: sentenceVectors[i] as Float32Array }));
  const scored = scoreCalls(corpus, draft, callIds, DEFAULT_RANK_PARAMS).sort(byScore);
  const top = scored.slice(0, 3);
  const ev = top.map((s) => evidenceOfCall(corpus, s.callId, sentences));
  const sims = (i: number) => (ev[i] ?? []).map((e) => e.similarity);
  const t = top[0]!;
  const allEv = scored.map((s) => evidenceOfCall(corpus, s.callId, sentences));
  const bestEvAll = Math.max(...allEv.map((list) => meanOfTop(list.map((e) => e.similarity), 2)));
  const maxSentTop = Math.max(...sims(0));
  rows.push({
    y: paper.call_id === null ? 0 : 1,
    f: {
      dense: t.dense,
      coverage: t.coverage,
      score: t.score,
      evMax: maxSentTop,
      evMean2: meanOfTop(sims(0), 2),
      evMean3: meanOfTop(sims(0), 3),
      bestEvAll,
      bestDense: Math.max(...scored.map((s) => s.dense)),
    },
  });
  if (++n % 50 === 0) { console.error(n, '/', sample.length); await embedder.flush(); }
}
await embedder.flush();
const names = Object.keys(rows[0]!.f);
for (const k of names) console.log(k.padEnd(10), featureAuroc(rows, k).toFixed(3));
// 5-fold CV logistic AUROC for feature sets
const sets: Record<string, string[]> = {
  base: ['dense', 'coverage', 'score'],
  'base+evMean3': ['dense', 'coverage', 'score', 'evMean3'],
  'base+evMax': ['dense', 'coverage', 'score', 'evMax'],
  'base+bestEvAll': ['dense', 'coverage', 'score', 'bestEvAll'],
  'base+all': ['dense', 'coverage', 'score', 'evMax', 'evMean3', 'bestEvAll', 'bestDense'],
};
for (const [name, feats] of Object.entries(sets)) console.log('CV', name.padEnd(16), cvAuroc(rows, feats).toFixed(3));
