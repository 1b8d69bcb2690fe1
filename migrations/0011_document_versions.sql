-- The versions of each document: a load of a text that changes what the document serves adds
-- one. The current version's text and records are the document's own (document_files and the
-- tables); a superseded version keeps its text as the parser read it, and its document,
-- sections, tasks and targets as the API served them (JSON), so that two versions can be
-- compared (GET /v1/documents/{id}/versions/{a}/diff/{b}). No foreign key: a load deletes the
-- document it replaces, and its versions must outlive that.
CREATE TABLE document_versions (
  document_id   TEXT NOT NULL,
  version       INTEGER NOT NULL,  -- 1, 2, … in the order loaded
  loaded_at     TEXT NOT NULL,     -- ISO 8601, UTC
  source_file   TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  line_count    INTEGER NOT NULL,
  text          TEXT,              -- once superseded: the text as the parser read it
  records       TEXT,              -- once superseded: {document, sections, tasks, targets} as served
  PRIMARY KEY (document_id, version)
) STRICT, WITHOUT ROWID;

INSERT INTO document_versions (document_id, version, loaded_at, source_file, source_sha256, line_count)
SELECT id, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), source_file, source_sha256, line_count
FROM documents;
