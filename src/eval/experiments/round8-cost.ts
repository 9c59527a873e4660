/**
 * Round 8's cost (eval/README.md "Round 8"): CPU time of one scored call's features (callFeature)
 * with and without the call-title field, on the bench's synthetic calls and drafts with the shipped
 * reference population. The corpus without the field is the same calls whose population carries no
 * titles, so the only difference is the title lookup and its reference reading.
 * Run: npm run build && node --expose-gc dist/eval/experiments/round8-cost.js [calls] [drafts]
 * (with --expose-gc it also measures the heap of a title index over 50,000 synthetic calls), and the
 * CPU time of each call's reference moments, computed when a call is indexed and at start-up.
 */
import { loadReferencePopulation } from '../../adapters/node/reference-file.js';
import { CALL_BM25, createCorpus, type Corpus } from '../../core/corpus/corpus.js';
import { createTitleField } from '../../core/corpus/title-field.js';
import { createFlatIndex } from '../../core/flat-index.js';
import { draftOf } from '../../core/matcher.js';
import { prepareDraft } from '../../core/rank/draft.js';
import { callFeature, type EmbeddedDraft } from '../../core/rank/features.js';
import { createSyntheticEmbedder, syntheticCalls, syntheticDraft } from '../../bench/synthetic-calls.js';
import { createWorld } from '../../bench/synthetic-world.js';

async function main(): Promise<void> {
  const [nCalls = 3000, nDrafts = 200] = process.argv.slice(2).map(Number);
  const world = createWorld({ seed: 7, dims: 64 });
  const embedder = createSyntheticEmbedder(world);
  // First, before the corpora exist: the heap of a title index at the bench's largest size (with --expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const many = syntheticCalls(world, 50_000);
    gc();
    const before = process.memoryUsage().heapUsed;
    const titles = createTitleField(CALL_BM25);
    for (const call of many) titles.upsert(call.id, call.title);
    gc();
    console.log(`title index of ${titles.size} calls: +${((process.memoryUsage().heapUsed - before) / 1e6).toFixed(1)} MB heap (${many.length} calls held throughout)`);
  }
  const population = await loadReferencePopulation('none');
  if (!population) throw new Error('no reference population in data/reference');
  const calls = syntheticCalls(world, nCalls);
  const corpus = (titled: boolean) => {
    const abstracts = population.abstracts.map((a) => (titled ? a : { tokens: a.tokens }));
    const c = createCorpus({ embedder, index: createFlatIndex({ dimensions: 64 }), reference: { abstracts } });
    // Registering computes each call's reference moments (as indexing and a start do): time it.
    const t = process.cpuUsage();
    c.register(calls);
    for (const call of calls) c.reference?.of(call.id);
    const u = process.cpuUsage(t);
    return { c, momentsUs: (u.user + u.system) / calls.length };
  };
  const withTitleRun = corpus(true);
  const withoutRun = corpus(false);
  const withTitle = withTitleRun.c;
  const without = withoutRun.c;
  console.log(`registering a call with its reference moments (indexing and start-up), CPU per call: without the title field ${withoutRun.momentsUs.toFixed(1)} us, with it ${withTitleRun.momentsUs.toFixed(1)} us`);
  const drafts: EmbeddedDraft[] = Array.from({ length: nDrafts }, (_, i) => {
    return { ...prepareDraft(draftOf(syntheticDraft(world, i))), vector: new Float32Array(64) };
  });
  const ids = calls.map((c) => c.id);
  const perCall = (c: Corpus) => {
    let sink = 0;
    const t = process.cpuUsage();
    for (const d of drafts) for (const id of ids) sink += callFeature(c, d, id).normLexical;
    const u = process.cpuUsage(t);
    return { us: (u.user + u.system) / (drafts.length * ids.length), sink };
  };
  for (let round = 0; round < 3; round++) {
    const a = perCall(without);
    const b = perCall(withTitle);
    console.log(`CPU per scored call: without the title field ${a.us.toFixed(3)} us, with it ${b.us.toFixed(3)} us (+${(b.us - a.us).toFixed(3)} us)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
