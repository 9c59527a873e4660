/**
 * Test-only Workers AI binding, loaded into workerd as a wrapped binding
 * (`env.AI`). Same call shape as the real one for text-embedding models:
 * `run(model, { text: string[] })` -> `{ shape: [n, 384], data: number[][] }`.
 * Vectors are a deterministic hashed bag of words, deliberately not unit
 * length so the adapter's normalisation is exercised. Self-contained: the
 * test transpiles this file alone, without bundling.
 */
const DIMENSIONS = 384;
const STOP = new Set(['the', 'and', 'for', 'with', 'that', 'this', 'from', 'are', 'our', 'can', 'than', 'how', 'its', 'into', 'such']);

function bucket(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return (h >>> 0) % DIMENSIONS;
}

function embedOne(text: string): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  for (const raw of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (raw.length < 3 || STOP.has(raw)) continue;
    const word = raw.length > 4 && raw.endsWith('s') ? raw.slice(0, -1) : raw;
    v[bucket(word)] = (v[bucket(word)] ?? 0) + 2;
  }
  if (!v.some((x) => x !== 0)) v[0] = 2;
  return v;
}

export interface FakeAi {
  calls: number;
  run(model: string, inputs: { text: string[] }): Promise<{ shape: number[]; data: number[][] }>;
}

const ai: FakeAi = {
  calls: 0,
  async run(model, inputs) {
    if (model !== '@cf/baai/bge-small-en-v1.5') throw new Error(`fake AI: unknown model ${model}`);
    if (!Array.isArray(inputs.text) || inputs.text.length === 0 || inputs.text.length > 100) {
      throw new Error('fake AI: text must be a list of 1..100 strings');
    }
    ai.calls += 1;
    const data = inputs.text.map(embedOne);
    return { shape: [data.length, DIMENSIONS], data };
  },
};

/** Wrapped-binding entry: workerd calls it with the binding's own env and uses the result as `env.AI`. */
export default function makeBinding(): FakeAi {
  return ai;
}
