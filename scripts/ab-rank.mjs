// In-process A/B of ranking cost between two builds of cfpmatch: both rank the same synthetic drafts
// against the same synthetic calls (HNSW, whole-call vector cache, as the server runs), alternating
// query by query so the noise of a shared machine hits both alike. Reports CPU and wall time per
// query and whether the two return identical results.
//
//   git worktree add --detach ../cfpmatch-base <commit> && (cd ../cfpmatch-base && ln -s ../main/node_modules && npx tsc -p tsconfig.build.json)
//   npm run build && node scripts/ab-rank.mjs ../cfpmatch-base 10000 200
import { resolve } from 'node:path';

const [baseDir, sizeArg = '10000', queriesArg = '200'] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: node scripts/ab-rank.mjs <base checkout, built> [calls] [queries]');
  process.exit(2);
}
const size = Number(sizeArg);
const Q = Number(queriesArg);

async function load(root) {
  const m = (p) => import(`${root}/dist/${p}`);
  const [{ createWorld }, syn, { createHnswIndex }, vc, { createMatcher }, pid] = await Promise.all([
    m('bench/synthetic-world.js'), m('bench/synthetic-calls.js'), m('adapters/node/hnsw-index.js'), m('adapters/node/vector-cache.js'), m('core/matcher.js'),
    m('core/corpus/passage-id.js').catch(() => null), // builds before the passage-id module kept this in vector-cache
  ]);
  // Builds with a shipped reference population (issue #17) rank with it, as the server does.
  const refFile = await m('adapters/node/reference-file.js').catch(() => null);
  const keep = pid?.isWholeCallPassage ?? vc.isWholeCallPassage;
  const world = createWorld({ seed: 7, dims: 512 });
  const inner = syn.createSyntheticEmbedder(world);
  const cache = new Map();
  const embedder = {
    id: inner.id,
    dimensions: inner.dimensions,
    async embed(texts) {
      const miss = texts.filter((t) => !cache.has(t));
      if (miss.length) (await inner.embed(miss)).forEach((v, i) => cache.set(miss[i], v));
      return texts.map((t) => cache.get(t));
    },
  };
  const index = vc.cacheVectors(await createHnswIndex({ dimensions: 512, efConstruction: 48, efSearch: 128, initialCapacity: size * 12 }), undefined, { keep });
  const calls = syn.syntheticCalls(world, size);
  const byId = new Map(calls.map((c) => [c.id, c]));
  const store = { name: 'synthetic', list: async () => calls, get: async (id) => byId.get(id), put: async () => {}, delete: async () => false };
  const reference = refFile ? await refFile.loadReferencePopulation(embedder.id) : undefined;
  const matcher = createMatcher({ embedder, index, store, today: () => '2026-11-22', ...(reference ? { reference } : {}) });
  await matcher.sync();
  const drafts = Array.from({ length: Q }, (_, i) => ({ ...syn.syntheticDraft(world, i), top_k: 10 }));
  for (const d of drafts) await matcher.rank(d); // warm-up: JIT, and every draft text and sentence embedded
  return { matcher, drafts };
}

const builds = { base: await load(resolve(baseDir)), next: await load(resolve('.')) };
const cpu = { base: [], next: [] };
const wall = { base: [], next: [] };
const run = async (name, d) => {
  const c = process.cpuUsage();
  const t = performance.now();
  await builds[name].matcher.rank(d);
  wall[name].push(performance.now() - t);
  const u = process.cpuUsage(c);
  cpu[name].push((u.user + u.system) / 1000);
};
for (let r = 0; r < 3; r++) {
  for (let i = 0; i < Q; i++) {
    const order = (i + r) % 2 ? ['base', 'next'] : ['next', 'base'];
    for (const name of order) await run(name, builds[name].drafts[i]);
  }
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(2);
for (const k of ['base', 'next']) console.log(`${k}: cpu p50 ${q(cpu[k], 0.5)} p90 ${q(cpu[k], 0.9)} | wall p50 ${q(wall[k], 0.5)} p99 ${q(wall[k], 0.99)} ms (${cpu[k].length} queries)`);
let same = 0;
for (let i = 0; i < Q; i++) {
  const a = await builds.base.matcher.rank(builds.base.drafts[i]);
  const b = await builds.next.matcher.rank(builds.next.drafts[i]);
  if (JSON.stringify(a.results) === JSON.stringify(b.results)) same++;
}
console.log(`identical results: ${same}/${Q}`);
