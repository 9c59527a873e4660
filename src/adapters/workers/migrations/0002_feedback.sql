-- Editors' triage decisions (issue #18): one row per (call, submission key). json is the validated
-- FeedbackRecord (a vector and a label; the text only when the editor asked). Never read by ranking.
CREATE TABLE IF NOT EXISTS feedback (
  call_id TEXT NOT NULL,
  id TEXT NOT NULL,
  json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (call_id, id)
);
