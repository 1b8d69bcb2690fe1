-- The plan as published: documents and their outline, the task list, agencies, and a full-text
-- index. Ids are text derived from the document number and positions (see src/store/ids.ts),
-- never autoincrement, so that they survive re-ingesting the same text.

CREATE TABLE documents (
  id            TEXT PRIMARY KEY,
  number        TEXT NOT NULL UNIQUE,  -- 发文字号, e.g. 某政办〔2023〕1号
  agency_code   TEXT NOT NULL,
  year          INTEGER NOT NULL,
  serial        INTEGER NOT NULL,
  issuer        TEXT NOT NULL,         -- 发文机关
  jurisdiction  TEXT NOT NULL,         -- the government the issuer belongs to
  title         TEXT NOT NULL,         -- the notice's title
  plan_title    TEXT,
  recipients    TEXT NOT NULL,         -- JSON array of 主送机关
  issued_on     TEXT,                  -- ISO date
  printer       TEXT,                  -- 印发机关
  sponsor       TEXT,                  -- 主办
  cc            TEXT NOT NULL,         -- JSON array of 抄送机关
  attachments   TEXT NOT NULL,         -- JSON array of {title}
  source_file   TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  line_count    INTEGER NOT NULL
) STRICT;

CREATE INDEX documents_source_sha256 ON documents (source_sha256);

CREATE TABLE citations (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title       TEXT NOT NULL,
  number      TEXT,
  line        INTEGER NOT NULL,
  PRIMARY KEY (document_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE sections (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,      -- order in the document, from 1
  kind        TEXT NOT NULL CHECK (kind IN ('part', 'chapter', 'item')),
  label       TEXT NOT NULL,
  number      INTEGER NOT NULL,
  heading     TEXT NOT NULL,
  text        TEXT NOT NULL,
  parent_id   TEXT REFERENCES sections (id) ON DELETE CASCADE,
  start_line  INTEGER NOT NULL,
  end_line    INTEGER NOT NULL,
  UNIQUE (document_id, position)
) STRICT;

CREATE INDEX sections_parent ON sections (parent_id);
CREATE INDEX sections_kind_number ON sections (kind, number);

CREATE TABLE tasks (
  id          TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,      -- row order in the task list, from 1
  number      INTEGER NOT NULL,      -- 序号 as printed
  text        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  UNIQUE (document_id, position)
) STRICT;

-- One agency per canonical name within a jurisdiction, shared by every document of it.
CREATE TABLE agencies (
  id           TEXT PRIMARY KEY,
  jurisdiction TEXT NOT NULL,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('agency', 'collective')),
  UNIQUE (jurisdiction, name)
) STRICT;

-- Every spelling a document uses for an agency, the canonical one included.
CREATE TABLE agency_names (
  agency_id   TEXT NOT NULL REFERENCES agencies (id),
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  PRIMARY KEY (agency_id, document_id, name)
) STRICT, WITHOUT ROWID;

CREATE INDEX agency_names_name ON agency_names (name);
CREATE INDEX agency_names_document ON agency_names (document_id);

-- A row of a document's agency table: duties (工作任务/职责), lead (牵头领导), phone.
CREATE TABLE agency_profiles (
  agency_id   TEXT NOT NULL REFERENCES agencies (id),
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  duties      TEXT,
  lead        TEXT,
  phone       TEXT,
  line        INTEGER NOT NULL,
  PRIMARY KEY (agency_id, document_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE task_agencies (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  agency_id  TEXT NOT NULL REFERENCES agencies (id),
  as_written TEXT NOT NULL,
  line       INTEGER NOT NULL,
  PRIMARY KEY (task_id, position)
) STRICT, WITHOUT ROWID;

CREATE INDEX task_agencies_agency ON task_agencies (agency_id);

CREATE TABLE task_items (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  section_id TEXT NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, section_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX task_items_section ON task_items (section_id);

-- Full text of sections and tasks. The trigram tokenizer indexes Chinese without a word
-- segmenter; it matches queries of 3 or more characters, shorter ones use LIKE on this table.
CREATE VIRTUAL TABLE search_index USING fts5 (
  kind UNINDEXED,
  ref_id UNINDEXED,
  document_id UNINDEXED,
  text,
  tokenize = 'trigram'
);
