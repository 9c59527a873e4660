import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultUseLiteThreads, parseEmbedderKind, selectEmbedder } from '../../src/adapters/node/select-embedder.js';
import type { UseLiteEmbedder } from '../../src/adapters/node/use-lite-embedder.js';
import { makeTinyModel } from '../fixtures/tiny-model/make-tiny-model.js';

const TMP = join(process.cwd(), 'tests', '.tmp');
let modelsDir = '';

beforeAll(async () => {
  await mkdir(TMP, { recursive: true });
  modelsDir = await mkdtemp(join(TMP, 'select-'));
  await makeTinyModel(modelsDir, 'tiny/bert-tiny');
  // A model whose files are all there but whose weights are garbage.
  await makeTinyModel(modelsDir, 'tiny/broken');
  await writeFile(join(modelsDir, 'tiny', 'broken', 'onnx', 'model.onnx'), 'not an onnx file');
});
afterAll(async () => {
  await rm(modelsDir, { recursive: true, force: true });
});

describe('selectEmbedder', () => {
  it('auto picks the ONNX model when it is in modelsDir', async () => {
    const { embedder, reason } = await selectEmbedder({ kind: 'auto', modelsDir, modelId: 'tiny/bert-tiny' });
    expect(embedder.id).toBe('onnx:tiny/bert-tiny');
    expect(embedder.dimensions).toBe(32);
    expect(reason).toContain('found tiny/bert-tiny');
    await embedder.dispose?.();
  });

  it('auto falls back to USE-lite when the model is missing, and says how to get it', async () => {
    const { embedder, reason } = await selectEmbedder({ modelsDir, modelId: 'Xenova/bge-small-en-v1.5' });
    expect(embedder.id).toBe('use-lite');
    expect(embedder.dimensions).toBe(512);
    expect(reason).toContain('npm run model:pull');
  });

  it('auto falls back to USE-lite when the model is present but does not load', async () => {
    const { embedder, reason } = await selectEmbedder({ modelsDir, modelId: 'tiny/broken' });
    expect(embedder.id).toBe('use-lite');
    expect(reason).toContain('failed to load');
  });

  it('onnx insists on the model', async () => {
    await expect(selectEmbedder({ kind: 'onnx', modelsDir, modelId: 'Xenova/bge-small-en-v1.5' })).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
    });
    await expect(selectEmbedder({ kind: 'onnx', modelsDir, modelId: 'tiny/broken' })).rejects.toMatchObject({
      code: 'EMBEDDER_UNAVAILABLE',
    });
  });

  it('use-lite ignores the ONNX model even when it is present', async () => {
    const { embedder, reason } = await selectEmbedder({ kind: 'use-lite', modelsDir, modelId: 'tiny/bert-tiny' });
    expect(embedder.id).toBe('use-lite');
    expect(reason).toBe('EMBEDDER=use-lite');
  });

  it('runs USE-lite on min(2, cores) worker threads unless told otherwise', async () => {
    expect(defaultUseLiteThreads()).toBe(Math.min(2, availableParallelism()));
    const byDefault = await selectEmbedder({ kind: 'use-lite' });
    expect((byDefault.embedder as UseLiteEmbedder).threads).toBe(defaultUseLiteThreads());
    const inThread = await selectEmbedder({ kind: 'use-lite', threads: 1 });
    expect((inThread.embedder as UseLiteEmbedder).threads).toBe(1);
  });
});

describe('parseEmbedderKind', () => {
  it('defaults to auto and rejects unknown values with a coded error', () => {
    expect(parseEmbedderKind(undefined)).toBe('auto');
    expect(parseEmbedderKind('')).toBe('auto');
    expect(parseEmbedderKind('onnx')).toBe('onnx');
    expect(() => parseEmbedderKind('openai')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});
