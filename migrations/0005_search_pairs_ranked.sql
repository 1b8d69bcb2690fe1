-- Short queries ranked from the index, as long ones are: search_pairs keeps where each pair
-- occurs (detail = full, the default), so bm25 counts the occurrences without reading a text.
-- Ranking by the texts cost a read of every match, which at 1,000 plans was most of a
-- two-character search. Otherwise the table is what migration 0004 made.
DROP TABLE search_pairs;

CREATE VIRTUAL TABLE search_pairs USING fts5 (pairs, content = '', contentless_delete = 1);

INSERT INTO search_pairs (rowid, pairs)
WITH RECURSIVE at (entry, text, i) AS (
  SELECT rowid, text, 1 FROM search_index WHERE text <> ''
  UNION ALL
  SELECT entry, text, i + 1 FROM at WHERE i < length(text)
)
SELECT entry, group_concat(substr(text, i, 2), ' ' ORDER BY i) FROM at GROUP BY entry;
