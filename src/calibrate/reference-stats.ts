/**
 * Dense statistics of the shipped reference population for one embedder:
 *
 *   npm run reference:stats -- [--embedder use-lite] [--components 64]
 *
 * embeds data/reference/abstracts.jsonl (through the evaluation's cache, eval/.cache/) and writes
 * data/reference/<embedder>.json: the mean vector and a low-rank covariance, from which each call's
 * dense moments over the population follow (corpus/reference.ts). No abstract vector is stored.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_REFERENCE_DIR, REFERENCE_ABSTRACTS, referenceTexts, type DenseStatsFile } from '../adapters/node/reference-file.js';
import { pooledIfAsked } from '../core/embed/pooled-embedder.js';
import { parseEmbedderKind, selectEmbedder } from '../adapters/node/select-embedder.js';
import { prepareDraft } from '../core/rank/draft.js';
import { hashText } from '../core/text/hash.js';
import { calibrationFileName } from '../core/triage/calibration-record.js';
import { createCachedEmbedder } from '../eval/embed-cache.js';
import { lowRankCovariance } from './pca.js';

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      embedder: { type: 'string', default: 'use-lite' },
      components: { type: 'string', default: '64' },
      dir: { type: 'string', default: DEFAULT_REFERENCE_DIR },
      cache: { type: 'string', default: 'eval/.cache' },
    },
  });
  const text = await readFile(join(values.dir, REFERENCE_ABSTRACTS), 'utf8');
  const drafts = referenceTexts(text).map((t) => prepareDraft(t).text);
  const { embedder: base } = await selectEmbedder({ kind: parseEmbedderKind(values.embedder), modelsDir: process.env.MODELS_DIR ?? 'models' });
  const inner = pooledIfAsked(base, process.env.EVAL_POOL_TOKENS);
  const embedder = await createCachedEmbedder(inner, values.cache);
  const vectors: Float32Array[] = [];
  try {
    for (let i = 0; i < drafts.length; i += 32) {
      vectors.push(...(await embedder.embed(drafts.slice(i, i + 32))));
      process.stderr.write(`\rembedded ${Math.min(i + 32, drafts.length)}/${drafts.length}`);
    }
  } finally {
    await embedder.dispose?.();
  }
  process.stderr.write('\n');
  const pca = lowRankCovariance(vectors, Number(values.components));
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  const out: DenseStatsFile = {
    embedder: inner.id,
    dimensions: inner.dimensions,
    abstracts_hash: hashText(text),
    n: vectors.length,
    mean: [...pca.mean].map(r6),
    components: pca.components.map((c) => [...c].map(r6)),
    variances: pca.variances.map(r6),
    residual: r6(pca.residual),
    explained: r6(pca.explained),
    date: new Date().toISOString().slice(0, 10),
  };
  const file = join(values.dir, calibrationFileName(inner.id));
  await writeFile(`${file}.tmp`, `${JSON.stringify(out)}\n`);
  await rename(`${file}.tmp`, file);
  console.log(JSON.stringify({ out: file, n: out.n, components: out.components.length, explained: out.explained, residual: out.residual }));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
