-- Every change to the data, in the order it was made, for harvesters that follow it instead of
-- downloading everything again (GET /v1/changes, /changes.atom): a document loaded or replaced,
-- each record a load added, changed, withdrawn or removed, each observation reported and each
-- status set. seq is the order and never reused (AUTOINCREMENT): a harvester holding one learns
-- everything after it. A change names its record by type and id; what the record is now is at
-- its REST path, or a 404 when it is gone.
CREATE TABLE changes (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  at          TEXT NOT NULL,  -- ISO 8601, UTC
  kind        TEXT NOT NULL,  -- document.loaded, task.changed, observation.added …
  document_id TEXT NOT NULL,  -- no foreign key: the changes of a document outlive it
  record_type TEXT NOT NULL,  -- document, section, task, agency, target, finding, observation
  record_id   TEXT NOT NULL
) STRICT;

CREATE INDEX changes_document ON changes (document_id, seq);

-- The data already loaded, as if loaded now: a harvester starting from the beginning of the
-- feed reads every record there is.
INSERT INTO changes (at, kind, document_id, record_type, record_id)
SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), kind, document_id, record_type, record_id FROM (
  SELECT 1 AS k, d.rowid AS r, 'document.loaded' AS kind, d.id AS document_id,
         'document' AS record_type, d.id AS record_id FROM documents d
  UNION ALL SELECT 2, s.rowid, 'section.added', s.document_id, 'section', s.id FROM sections s
  UNION ALL SELECT 3, t.rowid, 'task.added', t.document_id, 'task', t.id FROM tasks t
  UNION ALL SELECT 4, g.rowid, 'target.added', g.document_id, 'target', g.id FROM targets g
  UNION ALL SELECT 5, f.rowid, 'finding.added', f.document_id, 'finding', f.id FROM findings f
  UNION ALL SELECT 6, a.rowid, 'agency.added',
         coalesce((SELECT min(n.document_id) FROM agency_names n WHERE n.agency_id = a.id), ''),
         'agency', a.id FROM agencies a
  UNION ALL SELECT 7, o.rowid, 'observation.added', g.document_id, 'observation', o.id
    FROM observations o JOIN targets g ON g.id = o.target_id
  ORDER BY k, r
);
