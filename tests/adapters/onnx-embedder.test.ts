import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOnnxEmbedder, modelAvailable } from '../../src/adapters/node/onnx-embedder.js';
import { makeTinyModel, TINY_HIDDEN_SIZE } from '../fixtures/tiny-model/make-tiny-model.js';
import { testEmbedder } from '../contracts/embedder.js';

const TMP = join(process.cwd(), 'tests', '.tmp');
let modelsDir = '';

beforeAll(async () => {
  await import('node:fs/promises').then((fs) => fs.mkdir(TMP, { recursive: true }));
  modelsDir = await mkdtemp(join(TMP, 'onnx-'));
  await makeTinyModel(modelsDir, 'tiny/bert-tiny');
});
afterAll(async () => {
  await rm(modelsDir, { recursive: true, force: true });
});

// The tiny model's vectors are random, so no semantic check; batchSize 4 forces several batches.
testEmbedder('onnx (tiny generated model, mean pooling)', () => createOnnxEmbedder({ modelsDir, modelId: 'tiny/bert-tiny', batchSize: 4 }), {
  dimensions: TINY_HIDDEN_SIZE,
});

describe('createOnnxEmbedder', () => {
  it('names the model in its id and reports dimensions read from the model', async () => {
    const embedder = await createOnnxEmbedder({ modelsDir, modelId: 'tiny/bert-tiny' });
    expect(embedder.id).toBe('onnx:tiny/bert-tiny');
    expect(embedder.dimensions).toBe(32);
    await embedder.dispose();
    await expect(embedder.embed(['x'])).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
  });

  it('passes the pooling option to the pipeline', async () => {
    const mean = await createOnnxEmbedder({ modelsDir, modelId: 'tiny/bert-tiny', pooling: 'mean' });
    const cls = await createOnnxEmbedder({ modelsDir, modelId: 'tiny/bert-tiny', pooling: 'cls' });
    const [a] = await mean.embed(['graph learning for power grids']);
    const [b, c] = await cls.embed(['graph learning for power grids', 'medieval poetry']);
    expect(Array.from(a ?? [])).not.toEqual(Array.from(b ?? []));
    // The tiny model has no context, so the [CLS] position is the same row whatever the text.
    expect(Array.from(b ?? [])).toEqual(Array.from(c ?? []));
    await Promise.all([mean.dispose(), cls.dispose()]);
  });

  it('fails with MODEL_NOT_FOUND naming the path and the pull command, without downloading', async () => {
    const err = await createOnnxEmbedder({ modelsDir, modelId: 'Xenova/bge-small-en-v1.5' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'MODEL_NOT_FOUND' });
    expect((err as Error).message).toContain(join(modelsDir, 'Xenova', 'bge-small-en-v1.5'));
    expect((err as Error).message).toContain('npm run model:pull');
  });

  it('asks for a weights file that exists for the requested dtype', async () => {
    await expect(createOnnxEmbedder({ modelsDir, modelId: 'tiny/bert-tiny', dtype: 'q8' })).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
    });
  });

  it('modelAvailable needs config, tokenizer and weights', async () => {
    const dir = await mkdtemp(join(TMP, 'partial-'));
    await makeTinyModel(dir, 'a/b');
    expect(modelAvailable(dir, 'a/b')).toBe(true);
    expect(modelAvailable(dir, 'a/missing')).toBe(false);
    await unlink(join(dir, 'a', 'b', 'tokenizer.json'));
    expect(modelAvailable(dir, 'a/b')).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
