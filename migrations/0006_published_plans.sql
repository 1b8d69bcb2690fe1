-- migrate: foreign_keys=off
-- Plans as they are published: a document may lack a 发文字号, an issuer, a jurisdiction or a
-- title (each becomes a finding), may be supplied metadata beside its text, and knows its level of
-- government. Tasks may be stated in the body (their section), carry a deadline, and name each
-- unit's role; targets say where their deadline year came from and may grow over a base year.
-- Dropping a NOT NULL or changing a CHECK needs the table rebuilt, which SQLite allows only with
-- foreign keys off (migrate.ts turns them off for a migration that starts with the line above,
-- and checks every reference before it commits).

CREATE TABLE documents_new (
  id                 TEXT PRIMARY KEY,
  number             TEXT UNIQUE,           -- 发文字号; null when neither text nor metadata gives one
  agency_code        TEXT,
  year               INTEGER,
  serial             INTEGER,
  issuer             TEXT,                  -- 发文机关
  jurisdiction       TEXT,                  -- the government the issuer belongs to
  jurisdiction_level TEXT CHECK (jurisdiction_level IN ('national', 'provincial', 'city', 'county')),
  title              TEXT,                  -- the notice's title, or the plan's own
  plan_title         TEXT,
  recipients         TEXT NOT NULL,         -- JSON array of 主送机关
  issued_on          TEXT,                  -- ISO date
  printer            TEXT,                  -- 印发机关
  sponsor            TEXT,                  -- 主办
  cc                 TEXT NOT NULL,         -- JSON array of 抄送机关
  attachments        TEXT NOT NULL,         -- JSON array of {title}
  source_file        TEXT NOT NULL,
  source_sha256      TEXT NOT NULL,
  source_url         TEXT,                  -- where it was published, when supplied
  supplied_fields    TEXT NOT NULL DEFAULT '[]',  -- JSON array of fields from supplied metadata
  line_count         INTEGER NOT NULL,
  parser_version     INTEGER NOT NULL DEFAULT 1
) STRICT;

INSERT INTO documents_new (id, number, agency_code, year, serial, issuer, jurisdiction, title,
  plan_title, recipients, issued_on, printer, sponsor, cc, attachments, source_file,
  source_sha256, line_count, parser_version)
SELECT id, number, agency_code, year, serial, issuer, jurisdiction, title, plan_title,
  recipients, issued_on, printer, sponsor, cc, attachments, source_file, source_sha256,
  line_count, parser_version
FROM documents;

DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE INDEX documents_source_sha256 ON documents (source_sha256);

-- An agency of a document whose government the text does not name belongs to no jurisdiction
-- (its id is the document's own); NULLs never collide under UNIQUE.
CREATE TABLE agencies_new (
  id           TEXT PRIMARY KEY,
  jurisdiction TEXT,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('agency', 'collective')),
  UNIQUE (jurisdiction, name)
) STRICT;

INSERT INTO agencies_new SELECT id, jurisdiction, name, kind FROM agencies;
DROP TABLE agencies;
ALTER TABLE agencies_new RENAME TO agencies;
-- Lists page through agencies in this order (src/store/agencies.ts).
CREATE INDEX agencies_order ON agencies (COALESCE(jurisdiction, ''), name);

-- A task stated in the body names its section; a table row has none.
ALTER TABLE tasks ADD COLUMN section_id TEXT REFERENCES sections (id) ON DELETE CASCADE;
ALTER TABLE tasks ADD COLUMN due_text TEXT;
ALTER TABLE tasks ADD COLUMN due_date TEXT;             -- ISO date; null when not a calendar date
CREATE INDEX tasks_section ON tasks (section_id);

ALTER TABLE task_agencies ADD COLUMN role TEXT NOT NULL DEFAULT 'responsible'
  CHECK (role IN ('lead', 'support', 'responsible'));

CREATE TABLE targets_new (
  id            TEXT PRIMARY KEY,
  document_id   TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  section_id    TEXT REFERENCES sections (id) ON DELETE CASCADE,
  indicator     TEXT NOT NULL,
  comparator    TEXT NOT NULL CHECK (comparator IN ('eq', 'gte', 'gt', 'lte', 'lt', 'range', 'approx')),
  value         REAL,
  value_max     REAL,
  unit          TEXT,
  deadline_year INTEGER,
  deadline_from TEXT CHECK (deadline_from IN ('clause', 'paragraph', 'title')),
  basis         TEXT NOT NULL CHECK (basis IN ('total', 'perYear', 'annualGrowth', 'growthOver')),
  base_year     INTEGER,
  relative_to   TEXT,
  quote         TEXT NOT NULL,
  line          INTEGER NOT NULL,
  withdrawn     INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
  UNIQUE (document_id, position)
) STRICT;

-- A year read before this version came from the target's own sentence.
INSERT INTO targets_new (id, document_id, position, section_id, indicator, comparator, value,
  value_max, unit, deadline_year, deadline_from, basis, relative_to, quote, line, withdrawn)
SELECT id, document_id, position, section_id, indicator, comparator, value, value_max, unit,
  deadline_year, CASE WHEN deadline_year IS NULL THEN NULL ELSE 'clause' END, basis,
  relative_to, quote, line, withdrawn
FROM targets;

DROP TABLE targets;
ALTER TABLE targets_new RENAME TO targets;
CREATE INDEX targets_section ON targets (section_id);
CREATE INDEX targets_deadline_year ON targets (deadline_year);
CREATE INDEX targets_unit ON targets (unit);
