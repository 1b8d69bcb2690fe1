-- Plans loaded as they are published: the file each document came from (a text, a saved portal
-- page, a PDF, a DOCX) is kept as loaded and served back, beside the text the parser read from
-- it, so that any line a record cites can be checked against the text and the file. For a PDF,
-- each record also keeps the page its line stands on.
CREATE TABLE document_files (
  document_id  TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  format       TEXT NOT NULL CHECK (format IN ('text', 'html', 'pdf', 'docx')),
  media_type   TEXT NOT NULL,
  original     BLOB NOT NULL,           -- the file as loaded; its sha256 is documents.source_sha256
  text         TEXT NOT NULL,           -- the plan text the parser read: what every line refers to
  page_of_line TEXT                     -- PDF only: JSON array, the page of each line of text
) STRICT;

ALTER TABLE sections ADD COLUMN start_page INTEGER;
ALTER TABLE tasks ADD COLUMN page INTEGER;
ALTER TABLE targets ADD COLUMN page INTEGER;
ALTER TABLE findings ADD COLUMN page INTEGER;
