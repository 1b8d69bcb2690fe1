-- Agencies and documents are searched as sections, tasks and targets are: each is a row of
-- search_index (and of search_pairs, under the same rowid). A document's text is its
-- 发文字号, title and plan title; an agency's, its canonical name and every name a document uses
-- for it, in code point order, one a line. An agency's names change as documents come and go,
-- and search_index finds a row quickly only by its rowid, so search_agencies says which row
-- holds each agency. An agency's row has no document ('' in document_id): it belongs to a
-- jurisdiction, and the documents that name it are in agency_names.
CREATE TABLE search_agencies (
  agency_id TEXT PRIMARY KEY,
  entry     INTEGER NOT NULL UNIQUE  -- the rowid of its row in search_index
) STRICT, WITHOUT ROWID;

INSERT INTO search_index (kind, ref_id, document_id, text)
SELECT 'document', id, id,
       coalesce(number, '') || char(10) || coalesce(title, '')
         || CASE WHEN coalesce(plan_title, '') = '' THEN '' ELSE char(10) || plan_title END
FROM documents ORDER BY rowid;

INSERT INTO search_index (kind, ref_id, document_id, text)
SELECT 'agency', a.id, '',
       (SELECT group_concat(name, char(10) ORDER BY name)
          FROM (SELECT name FROM agency_names WHERE agency_id = a.id UNION SELECT a.name))
FROM agencies a ORDER BY a.rowid;

INSERT INTO search_agencies (agency_id, entry)
SELECT ref_id, rowid FROM search_index WHERE kind = 'agency';

-- search_pairs is rebuilt with the kind of each row beside its pairs, so that a search of one
-- kind walks the texts of that kind: agencies and documents are a thousand each among tens of
-- thousands of texts at 1,000 plans, and reading each match's kind from search_index to drop
-- it took most of a second for a common character. Otherwise the table is what 0008 made.
DROP TABLE search_pairs;

CREATE VIRTUAL TABLE search_pairs USING fts5 (
  pairs,
  kind,
  content = '',
  contentless_delete = 1,
  prefix = '1'
);

INSERT INTO search_pairs (rowid, pairs, kind)
WITH RECURSIVE at (entry, kind, text, i) AS (
  SELECT rowid, kind, text, 1 FROM search_index WHERE text <> ''
  UNION ALL
  SELECT entry, kind, text, i + 1 FROM at WHERE i < length(text)
)
SELECT entry, group_concat(substr(text, i, 2), ' ' ORDER BY i), kind FROM at GROUP BY entry;
