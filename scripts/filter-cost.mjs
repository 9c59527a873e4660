// Cost of a publisher filter above the exact-scoring limit: synthetic calls where a share of them
// (1%, 5%, 20%) is from one publisher; each draft is ranked with that publisher as a filter and
// without one. When the candidates hold fewer than top_k passing calls, the passing calls outside
// them are scored too (ranking.ts), so the filtered page always shows top_k. Reports CPU per query
// and how often that fill-up ran.
//
//   npm run build && node scripts/filter-cost.mjs 50000 100
const [sizeArg = '50000', queriesArg = '100'] = process.argv.slice(2);
const size = Number(sizeArg);
const Q = Number(queriesArg);
const m = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const [{ createWorld }, syn, { createHnswIndex }, vc, { createMatcher }, pid] = await Promise.all([
  m('bench/synthetic-world.js'), m('bench/synthetic-calls.js'), m('adapters/node/hnsw-index.js'), m('adapters/node/vector-cache.js'), m('core/matcher.js'), m('core/corpus/passage-id.js'),
]);
const world = createWorld({ seed: 7, dims: 512 });
const embedder = syn.createSyntheticEmbedder(world);
const shares = [0.01, 0.05, 0.2];
// Publisher by call number: call i is from "P<share>" for the smallest share whose stride divides i.
const calls = syn.syntheticCalls(world, size).map((c, i) => ({ ...c, publisher: shares.map((s) => `P${s}`).find((_, k) => i % Math.round(1 / shares[k]) === 0) ?? 'Other' }));
const byId = new Map(calls.map((c) => [c.id, c]));
const index = vc.cacheVectors(await createHnswIndex({ dimensions: 512, efConstruction: 48, efSearch: 128, initialCapacity: size * 12 }), undefined, { keep: pid.isWholeCallPassage });
const store = { name: 'synthetic', list: async () => calls, get: async (id) => byId.get(id), put: async () => {}, delete: async () => false };
const matcher = createMatcher({ embedder, index, store, today: () => '2026-11-22' });
await matcher.sync();
const passing = Object.fromEntries(shares.map((s) => [s, calls.filter((c) => c.publisher === `P${s}`).length]));
const drafts = Array.from({ length: Q }, (_, i) => syn.syntheticDraft(world, i));
const cpuOf = async (f) => {
  const c = process.cpuUsage();
  const r = await f();
  const u = process.cpuUsage(c);
  return { ms: (u.user + u.system) / 1000, r };
};
const rows = [];
for (const filter of [undefined, ...shares]) {
  const cpu = [];
  let filled = 0;
  let short = 0;
  for (const d of drafts) {
    const sd = await matcher.scoreDraft(d);
    const q = filter === undefined ? { top_k: 10 } : { top_k: 10, publisher: [`P${filter}`] };
    await matcher.rankScored(sd, q); // warm: the draft's sentences embedded once
    const inCandidates = filter === undefined ? sd.scored.length : sd.scored.filter((s) => byId.get(s.callId)?.publisher === `P${filter}`).length;
    if (inCandidates < 10) filled++;
    const { ms, r } = await cpuOf(() => matcher.rankScored(sd, q));
    if (r.results.length < 10) short++;
    cpu.push(ms);
  }
  cpu.sort((a, b) => a - b);
  const p = (x) => cpu[Math.min(cpu.length - 1, Math.floor(x * cpu.length))].toFixed(2);
  rows.push(`| ${filter === undefined ? 'none' : `${filter * 100}% of calls (${passing[filter]})`} | ${filled}/${Q} | ${short} | ${p(0.5)} | ${p(0.9)} |`);
}
console.log(`${size} calls, ${Q} drafts, top_k 10; CPU ms of the ranking step after scoring (rankScored, evidence warm)\n`);
console.log('| publisher filter passes | queries that scored calls outside the candidates | pages with fewer than 10 | CPU p50 ms | CPU p90 ms |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(r);
