-- cfpmatch on Cloudflare: calls and the passage registry in D1, vectors in Vectorize.
-- Apply with: npx wrangler d1 migrations apply cfpmatch --remote

-- One row per call; json is the validated Call, hash its content hash (the sync diff compares it).
CREATE TABLE IF NOT EXISTS calls (
  id TEXT PRIMARY KEY,
  json TEXT NOT NULL,
  hash TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Passages whose vectors are in Vectorize, and the embedder that made them.
-- Vectorize has no cheap "list ids", so this table answers VectorIndex.has() for an isolate.
CREATE TABLE IF NOT EXISTS passages (
  id TEXT PRIMARY KEY,
  call_id TEXT NOT NULL,
  embedder TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS passages_call ON passages (call_id);

-- key 'version': changed on every write; isolates rebuild their corpus when it moves.
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
