#!/usr/bin/env node
/**
 * Download an ONNX sentence-embedding model into models/ so the server can
 * use it offline. This is the ONLY place remote model loading is allowed;
 * at run time cfpmatch reads models/ with remote loading switched off.
 *
 *   npm run model:pull                                  # Xenova/bge-small-en-v1.5, fp32
 *   npm run model:pull -- Xenova/all-MiniLM-L6-v2 --dtype q8
 *   npm run model:pull -- --dir /srv/models             # or MODELS_DIR=/srv/models
 *
 * HF_ENDPOINT points at a mirror; HF_TOKEN is sent for gated models.
 */
/* global AbortSignal */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dtype: { type: 'string', default: 'fp32' },
    dir: { type: 'string', default: process.env.MODELS_DIR ?? 'models' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run model:pull -- [model-id] [--dtype fp32|q8|fp16] [--dir models]');
  process.exit(0);
}
const modelId = positionals[0] ?? 'Xenova/bge-small-en-v1.5';
const dir = resolve(values.dir);
const host = (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/?$/, '/');

function unreachable(reason) {
  console.error(
    [
      `model:pull: cannot download ${modelId} from ${host} (${reason}).`,
      'This machine may have no route to the Hugging Face hub. Options:',
      `  - run this command where the hub is reachable and copy ${dir}/${modelId}/ here`,
      `    (config.json, tokenizer.json, tokenizer_config.json, onnx/model${values.dtype === 'q8' ? '_quantized' : ''}.onnx);`,
      '  - set HF_ENDPOINT to a reachable mirror;',
      '  - or keep the bundled offline embedder (EMBEDDER=use-lite, the default when no model is present).',
    ].join('\n'),
  );
  process.exit(2);
}

// Fail fast and clearly when the hub is unreachable, instead of a stack trace from deep inside a fetch.
try {
  await fetch(host, { method: 'HEAD', signal: AbortSignal.timeout(10_000) });
} catch (err) {
  unreachable(err?.cause?.code ?? err?.name ?? String(err));
}

const { env, pipeline } = await import('@huggingface/transformers');
env.allowRemoteModels = true;
env.allowLocalModels = true;
env.remoteHost = host;
env.localModelPath = dir;
// The file cache stores `<cacheDir>/<model id>/<file>`: exactly the layout the embedder reads.
env.useFSCache = true;
env.cacheDir = dir;

const started = Date.now();
let last = '';
try {
  const extractor = await pipeline('feature-extraction', modelId, {
    dtype: values.dtype,
    progress_callback: (p) => {
      if (p.status === 'done' && p.file && p.file !== last) {
        last = p.file;
        console.log(`  ${p.file}`);
      }
    },
  });
  const pooling = /bge/i.test(modelId) ? 'cls' : 'mean';
  const probe = await extractor(['model pull check'], { pooling, normalize: true });
  await extractor.dispose();
  console.log(`model:pull: ${modelId} (${values.dtype}, ${probe.dims[1]} dimensions) is in ${dir}/${modelId} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|network/i.test(message)) unreachable(message);
  console.error(`model:pull: failed to fetch or load ${modelId}: ${message}`);
  process.exit(1);
}
