/**
 * The catalogue's files under DATA_DIR: the sources list (`sources.json`, `sources.yaml` or
 * `sources.yml`) and the refresh state (`catalogue-state.json`: validators and hashes per fetched
 * document), written to a temporary file and renamed so a crash never leaves half of it.
 */
import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CatalogueState, emptyState, SourceSpec } from '../../core/catalogue/types.js';
import { createError } from '../../core/errors.js';
import { fieldIssues } from '../../core/validate.js';
import { writeAtomic } from './index-files.js';
import { readTextFile } from './text-file.js';

export const STATE_FILE = 'catalogue-state.json';
const SOURCE_FILES = ['sources.json', 'sources.yaml', 'sources.yml'];

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * The sources of DATA_DIR, or of an explicit file. Throws BAD_INPUT when there is none or it is invalid.
 *
 * @example
 * const { file, sources } = await readSourcesFile('data');
 */
export async function readSourcesFile(dataDir: string, explicit?: string): Promise<{ file: string; sources: SourceSpec[] }> {
  const candidates = explicit ? [explicit] : SOURCE_FILES.map((f) => join(dataDir, f));
  for (const file of candidates) {
    let text: string;
    try {
      text = await readTextFile(file);
    } catch (err) {
      if (missing(err) && !explicit) continue;
      throw createError('BAD_INPUT', `cannot read ${file}`, { cause: err });
    }
    let raw: unknown;
    try {
      raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (err) {
      throw createError('BAD_INPUT', `${file}: not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'} (${(err as Error).message.split('\n')[0]})`, { cause: err });
    }
    // The list or {sources: [...]}: validated in its own shape so a failing field is named by its path.
    const r = Array.isArray(raw) ? z.array(SourceSpec).safeParse(raw) : z.object({ sources: z.array(SourceSpec) }).transform((o) => o.sources).safeParse(raw);
    if (!r.success) throw createError('VALIDATION', `${file}: invalid sources list`, { fields: fieldIssues(r.error) });
    return { file, sources: r.data };
  }
  throw createError('BAD_INPUT', `no sources file: create ${join(dataDir, 'sources.json')} or sources.yaml (docs/catalogue.md)`);
}

/** The saved refresh state, or an empty one (a missing or unreadable state only costs full fetches). */
export async function loadCatalogueState(dataDir: string): Promise<CatalogueState> {
  try {
    const r = CatalogueState.safeParse(JSON.parse(await readFile(join(dataDir, STATE_FILE), 'utf8')));
    return r.success ? r.data : emptyState();
  } catch {
    return emptyState();
  }
}

/** Write the state atomically. */
export async function saveCatalogueState(dataDir: string, state: CatalogueState): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, STATE_FILE);
  try {
    await writeAtomic(path, JSON.stringify(state));
  } catch (err) {
    throw createError('STORAGE', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
}
