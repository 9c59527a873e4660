import { describe, expect, it } from 'vitest';
import { envOptions } from '../../src/entry/node-runtime.js';

describe('envOptions', () => {
  it('reads the data folder, embedder and embedding threads', () => {
    expect(envOptions({ DATA_DIR: '/srv/cfp', EMBEDDER: 'use-lite', EMBED_THREADS: '3' })).toMatchObject({
      dataDir: '/srv/cfp',
      embedder: 'use-lite',
      embedThreads: 3,
    });
    const defaults = envOptions({});
    expect(defaults).toMatchObject({ dataDir: 'data', embedder: 'auto', modelsDir: 'models' });
    expect(defaults).not.toHaveProperty('embedThreads');
  });

  it.each(['0', '-1', '2.5', 'two', '1000'])('rejects EMBED_THREADS=%s with a message naming it', (value) => {
    expect(() => envOptions({ EMBED_THREADS: value })).toThrow(/EMBED_THREADS must be a whole number/);
  });

  it('rejects an unknown EMBEDDER', () => {
    expect(() => envOptions({ EMBEDDER: 'bert' })).toThrow(/EMBEDDER must be auto, onnx or use-lite/);
  });
});
