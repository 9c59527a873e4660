/**
 * FeedbackStore on a folder: one `<callId>.json` per call holding its decisions (an array, oldest
 * first). Each change rewrites the call's file through a temporary file renamed into place, one
 * change at a time per store, so a crash leaves the old decisions or the new ones, never half.
 * Ids become file names only after CallId validation, so no id reaches outside the folder.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createError } from '../../core/errors.js';
import { FeedbackRecord } from '../../core/feedback/schema.js';
import type { FeedbackStore } from '../../core/ports.js';
import { CallId } from '../../core/schema.js';
import { parseOrThrow } from '../../core/validate.js';

export interface FeedbackFileStoreOptions {
  /** Folder of `<callId>.json` files (`DATA_DIR/feedback`); created on the first decision. */
  dir: string;
}

const fail = (action: string, file: string, err: unknown) =>
  createError('STORAGE', `cannot ${action} feedback file ${file}: ${(err as NodeJS.ErrnoException).code ?? 'EIO'}`, { cause: err });

/**
 * @example
 * const store = createFeedbackFileStore({ dir: 'data/feedback' });
 * await store.put(record);
 */
export function createFeedbackFileStore(opts: FeedbackFileStoreOptions): FeedbackStore {
  const fileOf = (callId: string): string | undefined => (CallId.safeParse(callId).success ? join(opts.dir, `${callId}.json`) : undefined);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const read = async (callId: string): Promise<FeedbackRecord[]> => {
    const file = fileOf(callId);
    if (!file) return [];
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw fail('read', `${callId}.json`, err);
    }
    try {
      return parseOrThrow(FeedbackRecord.array(), JSON.parse(text), 'feedback file');
    } catch (err) {
      throw createError('STORAGE', `feedback file ${callId}.json is not valid: ${(err as Error).message}`, { cause: err });
    }
  };
  const write = async (callId: string, records: readonly FeedbackRecord[]): Promise<void> => {
    const file = fileOf(callId) as string;
    if (!records.length) {
      await unlink(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw fail('delete', `${callId}.json`, err);
      });
      return;
    }
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(opts.dir, { recursive: true });
      await writeFile(tmp, `${JSON.stringify(records)}\n`, 'utf8');
      await rename(tmp, file);
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw fail('write', `${callId}.json`, err);
    }
  };

  return {
    name: 'file',
    list: (callId) => read(callId),
    put: (record) =>
      serial(async () => {
        const r = parseOrThrow(FeedbackRecord, record, 'feedback record');
        const rest = (await read(r.call_id)).filter((x) => x.id !== r.id);
        await write(r.call_id, [...rest, r]);
      }),
    delete: (callId, id) =>
      serial(async () => {
        const all = await read(callId);
        const rest = all.filter((x) => x.id !== id);
        if (rest.length === all.length) return false;
        await write(callId, rest);
        return true;
      }),
    clear: (callId) =>
      serial(async () => {
        const n = (await read(callId)).length;
        if (n) await write(callId, []);
        return n;
      }),
  };
}
