/**
 * The shipped reference population (data/reference/abstracts.jsonl) for the evaluation: each
 * abstract prepared as a draft would be and embedded through the given (cached) embedder.
 */
import { readFile } from 'node:fs/promises';
import type { Embedder } from '../core/ports.js';
import { prepareDraft } from '../core/rank/draft.js';
import type { ReferenceAbstract } from '../core/corpus/reference.js';

export const REFERENCE_FILE = 'data/reference/abstracts.jsonl';

const memo = new Map<string, Promise<ReferenceAbstract[]>>();

/**
 * @example
 * const refs = await loadReference(embedder);
 */
export function loadReference(embedder: Embedder, file = REFERENCE_FILE): Promise<ReferenceAbstract[]> {
  const key = `${embedder.id}|${file}`;
  let hit = memo.get(key);
  if (!hit) {
    hit = (async () => {
      const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
      const drafts = lines.map((l) => {
        const r = JSON.parse(l) as { title?: string; abstract: string };
        return prepareDraft({ title: r.title ?? '', abstract: r.abstract, keywords: [] });
      });
      const vectors: Float32Array[] = [];
      for (let i = 0; i < drafts.length; i += 32) vectors.push(...(await embedder.embed(drafts.slice(i, i + 32).map((d) => d.text))));
      return drafts.map((d, i) => ({ tokens: d.tokens, vector: vectors[i] }));
    })();
    memo.set(key, hit);
  }
  return hit;
}
