/**
 * CallStore on a folder: each call is `<id>.json` (validated on every read)
 * and, when it came from CFP text, `<id>.txt` holding that text. Writes go to
 * a temporary file renamed into place, so a crash never leaves half a call.
 * The JSON records the text's sha256 and is the commit point: new text waits
 * in `<id>.txt.next` until the JSON naming it is in place, so a crash between
 * the two files leaves the old pair or the new one, never old JSON + new text.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createError } from '../../core/errors.js';
import { silentLogger, type Logger } from '../../core/log.js';
import type { CallStore } from '../../core/ports.js';
import { stripBom } from '../../core/text/normalize.js';
import { Call, CallId } from '../../core/schema.js';
import { fieldIssues } from '../../core/validate.js';

export interface FileStoreOptions {
  /** Folder of `<id>.json` / `<id>.txt` files; created on first write. */
  dir: string;
  /** Receives a warning for each file that is skipped as invalid. */
  log?: Logger;
}

const isMissing = (err: unknown): boolean => (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  EMFILE: 'too many open files',
};

/**
 * A STORAGE error naming the file but not where it lives: the message reaches HTTP clients, and the
 * server's absolute paths are none of their business (the full error stays in `cause`).
 */
function storageError(action: string, path: string, err: unknown): Error {
  const errno = (err as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
  return createError('STORAGE', `cannot ${action} ${basename(path)}: ${ERRNO_TEXT[errno] ?? 'input/output error'} (${errno})`, { cause: err });
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return stripBom(await readFile(path, 'utf8'));
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw storageError('read', path, err);
  }
}

async function writeAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw storageError('write', path, err);
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

async function removeOptional(path: string): Promise<boolean> {
  try {
    await unlink(path);
    return true;
  } catch (err) {
    if (isMissing(err)) return false;
    throw storageError('delete', path, err);
  }
}

/**
 * Create a folder-backed call store. Invalid `.json` files are skipped with a
 * `store.invalid_call` log event, never thrown from `list()`. A `.txt` with no
 * `.json` is not a call here: parsing raw CFPs belongs to the caller.
 * `put` replaces the whole record, so a call put without `source_text` drops
 * an older `.txt`.
 *
 * @example
 * const store = createFileStore({ dir: 'data/calls', log });
 * await store.put(Call.parse({ id: 'iotj-2026', title: 'Symbiotic IoT', source_text: cfpText }));
 * const calls = await store.list();
 */
export function createFileStore(opts: FileStoreOptions): CallStore {
  const { dir } = opts;
  const log = opts.log ?? silentLogger;
  const jsonPath = (id: string): string => join(dir, `${id}.json`);
  const txtPath = (id: string): string => join(dir, `${id}.txt`);
  const nextPath = (id: string): string => join(dir, `${id}.txt.next`);
  // Ids become file names, so anything outside the CallId alphabet (e.g. "../x") is never a call.
  const validId = (id: string): boolean => CallId.safeParse(id).success;

  async function read(id: string): Promise<Call | undefined> {
    const text = await readOptional(jsonPath(id));
    if (text === undefined) return undefined;
    let parsed: ReturnType<typeof Call.safeParse>;
    let sourceSha: unknown;
    try {
      const json = JSON.parse(text) as unknown;
      sourceSha = typeof json === 'object' && json !== null && 'source_sha256' in json ? json.source_sha256 : undefined;
      parsed = Call.safeParse(json);
    } catch {
      log('store.invalid_call', { file: `${id}.json`, reason: 'not JSON' });
      return undefined;
    }
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      log('store.invalid_call', { file: `${id}.json`, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
      return undefined;
    }
    if (parsed.data.id !== id) {
      log('store.invalid_call', { file: `${id}.json`, reason: `holds call id "${parsed.data.id}"` });
      return undefined;
    }
    const source = await sourceFor(id, sourceSha);
    return source === undefined ? parsed.data : { ...parsed.data, source_text: source };
  }

  /** The text the JSON names by hash: `<id>.txt`, or `<id>.txt.next` when a put died before renaming it. */
  async function sourceFor(id: string, sha: unknown): Promise<string | undefined> {
    const current = await readOptional(txtPath(id));
    if (typeof sha !== 'string' || (current !== undefined && sha256(current) === sha)) return current;
    const next = await readOptional(nextPath(id));
    return next !== undefined && sha256(next) === sha ? next : current;
  }

  return {
    name: 'file',
    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (err) {
        if (isMissing(err)) return [];
        throw storageError('list', dir, err);
      }
      const ids = names
        .filter((n) => n.endsWith('.json'))
        .map((n) => n.slice(0, -'.json'.length))
        .filter(validId)
        .sort();
      // An entry that cannot be read (a directory named x.json, a file without read permission) is
      // skipped with a warning like an invalid one: one bad file must not stop the server starting.
      const calls = await Promise.all(
        ids.map((id) =>
          read(id).catch((err: unknown) => {
            log('store.unreadable_call', { file: `${id}.json`, errno: (err as { cause?: NodeJS.ErrnoException }).cause?.code ?? 'EIO' });
            return undefined;
          }),
        ),
      );
      return calls.filter((c): c is Call => c !== undefined);
    },
    async get(id) {
      return validId(id) ? read(id) : undefined;
    },
    async put(input) {
      const result = Call.safeParse(input);
      if (!result.success) {
        throw createError('VALIDATION', 'invalid call', {
          fields: fieldIssues(result.error),
        });
      }
      const { source_text: source, ...call } = result.data;
      try {
        await mkdir(dir, { recursive: true });
      } catch (err) {
        throw storageError('create', dir, err);
      }
      // Text first, under a name no reader takes as current; the JSON that names its hash commits it.
      if (source !== undefined) await writeAtomic(nextPath(call.id), source);
      const record = source === undefined ? call : { ...call, source_sha256: sha256(source) };
      try {
        await writeAtomic(jsonPath(call.id), `${JSON.stringify(record, null, 2)}\n`);
      } catch (err) {
        // Not committed: the pending text goes too (the old JSON names the old text, if any).
        if (source !== undefined) await unlink(nextPath(call.id)).catch(() => undefined);
        throw err;
      }
      if (source === undefined) await removeOptional(txtPath(call.id));
      else {
        try {
          await rename(nextPath(call.id), txtPath(call.id));
        } catch (err) {
          throw storageError('write', txtPath(call.id), err);
        }
      }
    },
    async delete(id) {
      if (!validId(id)) return false;
      const removedJson = await removeOptional(jsonPath(id));
      const removedTxt = await removeOptional(txtPath(id));
      await removeOptional(nextPath(id));
      return removedJson || removedTxt;
    },
  };
}
