-- Queries of one or two characters (教育, 就业, 农) are the commonest in Chinese, and the trigram
-- index cannot answer them: without this index they scanned every text, a cost that grows with
-- the plans loaded. Each search_index row is indexed here too, under the same rowid, as the
-- pairs of adjacent characters in its text and its last character, separated by spaces: a
-- two-character query is one token, a one-character query a prefix. The unicode61 tokenizer
-- splits a pair holding a space or punctuation into what is left of it. Contentless, with
-- rowids only (detail = none): the texts are not stored twice, and no positions are needed.
CREATE VIRTUAL TABLE search_pairs USING fts5 (
  pairs,
  content = '',
  contentless_delete = 1,
  detail = none
);

INSERT INTO search_pairs (rowid, pairs)
WITH RECURSIVE at (entry, text, i) AS (
  SELECT rowid, text, 1 FROM search_index WHERE text <> ''
  UNION ALL
  SELECT entry, text, i + 1 FROM at WHERE i < length(text)
)
SELECT entry, group_concat(substr(text, i, 2), ' ' ORDER BY i) FROM at GROUP BY entry;
