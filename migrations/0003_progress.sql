-- Progress reported by the responsible agencies: bearer tokens (their hashes only), observations
-- of targets, status changes of tasks, and the audit log of every write. None of it comes from
-- the text, so none of it hangs on a document by foreign key: re-ingesting a plan replaces its
-- derived rows and leaves these as they are (ids are stable across re-ingests).

CREATE TABLE tokens (
  id          TEXT PRIMARY KEY,        -- public, e.g. tok-3f9a…; names the token in lists and logs
  secret_hash TEXT NOT NULL UNIQUE,    -- sha256 of the secret; the secret itself is never stored
  role        TEXT NOT NULL CHECK (role IN ('agency', 'admin')),
  agency_id   TEXT,                    -- the agency it writes for; null for an admin token
  label       TEXT NOT NULL,           -- the agency's name and jurisdiction, or 'admin'
  created_at  TEXT NOT NULL,
  revoked_at  TEXT,
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
) STRICT;

CREATE TABLE observations (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of recording
  id           TEXT NOT NULL UNIQUE,
  target_id    TEXT NOT NULL,
  value        REAL NOT NULL,
  observed_on  TEXT NOT NULL,          -- ISO date the value holds for
  note         TEXT,
  evidence_url TEXT,
  reported_by  TEXT NOT NULL,          -- agency id, or 'admin'
  token_id     TEXT NOT NULL,
  recorded_at  TEXT NOT NULL
) STRICT;

CREATE INDEX observations_target ON observations (target_id, observed_on, seq);

CREATE TABLE task_status_changes (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id    TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done', 'at_risk')),
  note       TEXT,
  set_by     TEXT NOT NULL,            -- agency id, or 'admin'
  token_id   TEXT NOT NULL,
  set_at     TEXT NOT NULL
) STRICT;

CREATE INDEX task_status_changes_task ON task_status_changes (task_id, seq);

CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  token_id  TEXT NOT NULL,
  actor     TEXT NOT NULL,             -- agency id, or 'admin'
  action    TEXT NOT NULL,             -- observation.create, task.status
  resource  TEXT NOT NULL,             -- the id written to
  before    TEXT,                      -- JSON of the resource's state before, or null
  after     TEXT NOT NULL              -- JSON of what was written
) STRICT;

-- A target that a new version of its text no longer states keeps its row, its observations and
-- its id, marked withdrawn; withdrawn targets carry no section or task links of the old text.
ALTER TABLE targets ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1));
