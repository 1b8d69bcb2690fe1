-- Quantitative targets found in the text, the tasks that restate them, and data-quality
-- findings. All of it is derived from the text at ingest and replaced with its document.

-- Which parser loaded a document (src/ingest/version.ts); rows of version 1 predate targets.
ALTER TABLE documents ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE targets (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,      -- reading order: body first, then task-list-only targets
  section_id    TEXT REFERENCES sections (id) ON DELETE CASCADE,  -- null: preamble or task list
  indicator     TEXT NOT NULL,
  comparator    TEXT NOT NULL CHECK (comparator IN ('eq', 'gte', 'gt', 'lte', 'lt', 'range', 'approx')),
  value         REAL,                  -- null only for a relative target
  value_max     REAL,                  -- ranges only
  unit          TEXT,
  deadline_year INTEGER,
  basis         TEXT NOT NULL CHECK (basis IN ('total', 'perYear', 'annualGrowth')),
  relative_to   TEXT,
  quote         TEXT NOT NULL,
  line          INTEGER NOT NULL,
  UNIQUE (document_id, position)
) STRICT;

CREATE INDEX targets_section ON targets (section_id);
CREATE INDEX targets_deadline_year ON targets (deadline_year);
CREATE INDEX targets_unit ON targets (unit);

CREATE TABLE target_tasks (
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  task_id   TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  PRIMARY KEY (target_id, task_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX target_tasks_task ON target_tasks (task_id);

CREATE TABLE findings (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  line        INTEGER NOT NULL,        -- the line to look at first
  lines       TEXT NOT NULL,           -- JSON array of every line concerned
  UNIQUE (document_id, position)
) STRICT;

CREATE INDEX findings_severity ON findings (severity);
