/**
 * The reference population shipped in `data/reference/` (see its README): the abstracts, read for
 * their BM25 tokens, and the dense statistics of the running embedder (`<embedder>.json`, written
 * by `npm run reference:stats`) when they were computed for it and for this very abstracts file.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { DenseStats, ReferencePopulation } from '../../core/corpus/reference.js';
import { createError } from '../../core/errors.js';
import { referenceAbstracts } from '../../core/corpus/reference-texts.js';
import { hashText } from '../../core/text/hash.js';
import { calibrationFileName } from '../../core/triage/calibration-record.js';

/** The population shipped with the package (works from src/ and dist/ alike). */
export const DEFAULT_REFERENCE_DIR = fileURLToPath(new URL('../../../data/reference/', import.meta.url));
export const REFERENCE_ABSTRACTS = 'abstracts.jsonl';
export { referenceTexts } from '../../core/corpus/reference-texts.js';

export const DenseStatsFile = z.object({
  embedder: z.string(),
  dimensions: z.number().int().positive(),
  /** hashText of the abstracts file the statistics were computed from. */
  abstracts_hash: z.string(),
  n: z.number().int().positive(),
  mean: z.array(z.number()),
  components: z.array(z.array(z.number())),
  variances: z.array(z.number()),
  residual: z.number(),
  explained: z.number().optional(),
  date: z.string().optional(),
});
export type DenseStatsFile = z.infer<typeof DenseStatsFile>;

/**
 * The abstracts (tokens) and, when shipped for `embedderId` and the current abstracts, the dense
 * statistics; undefined when the folder has no abstracts file.
 *
 * @example
 * const reference = await loadReferencePopulation(embedder.id);
 */
export async function loadReferencePopulation(embedderId: string, dir: string = DEFAULT_REFERENCE_DIR): Promise<ReferencePopulation | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, REFERENCE_ABSTRACTS), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw createError('STORAGE', `cannot read the reference population in ${dir}`, { cause: err });
  }
  const abstracts = referenceAbstracts(text);
  const dense = await readDenseStats(join(dir, calibrationFileName(embedderId)), embedderId, hashText(text));
  return { abstracts, ...(dense ? { dense } : {}) };
}

async function readDenseStats(file: string, embedderId: string, abstractsHash: string): Promise<DenseStats | undefined> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw createError('STORAGE', `cannot read ${file}`, { cause: err });
  }
  const r = DenseStatsFile.safeParse(JSON.parse(raw));
  if (!r.success) throw createError('STORAGE', `reference statistics ${file} are invalid: ${r.error.issues[0]?.message}`);
  // Statistics of another embedder or of an older abstracts file would misread every cosine: not used.
  if (r.data.embedder !== embedderId || r.data.abstracts_hash !== abstractsHash) return undefined;
  return {
    embedder: r.data.embedder,
    mean: Float32Array.from(r.data.mean),
    components: r.data.components.map((c) => Float32Array.from(c)),
    variances: r.data.variances,
    residual: r.data.residual,
  };
}
