/**
 * SQL shared by the Worker's D1 adapters and the sync script, so both read
 * and write the same tables (schema in ./migrations/0001_init.sql).
 */

/** Rows per D1 batch: D1 caps statements per batch and bound parameters per statement. */
export const D1_BATCH = 50;

export const SQL = {
  listCalls: 'SELECT json FROM calls ORDER BY id',
  listCallHashes: 'SELECT id, hash FROM calls ORDER BY id',
  getCall: 'SELECT json FROM calls WHERE id = ?1',
  putCall:
    'INSERT INTO calls (id, json, hash, updated_at) VALUES (?1, ?2, ?3, ?4) ' +
    'ON CONFLICT(id) DO UPDATE SET json = excluded.json, hash = excluded.hash, updated_at = excluded.updated_at',
  deleteCall: 'DELETE FROM calls WHERE id = ?1',
  listPassages: 'SELECT id FROM passages WHERE embedder = ?1',
  putPassage:
    'INSERT INTO passages (id, call_id, embedder) VALUES (?1, ?2, ?3) ' +
    'ON CONFLICT(id) DO UPDATE SET call_id = excluded.call_id, embedder = excluded.embedder',
  deletePassage: 'DELETE FROM passages WHERE id = ?1',
  getVersion: "SELECT value FROM meta WHERE key = 'version'",
  bumpVersion:
    "INSERT INTO meta (key, value) VALUES ('version', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
} as const;

/** A fresh version value: any change makes isolates rebuild their in-memory corpus. */
export function newVersion(): string {
  return `${Date.now().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Split `items` into chunks of `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
