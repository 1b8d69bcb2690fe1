-- Links between plans of different levels of government. A target restates (or refines) a target
-- of a higher level's plan when both have the same indicator and unit and the lower plan's
-- jurisdiction lies within the higher one's (新乡市 within 河南省, every place within 全国): made
-- as plans load (src/store/target-links.ts), gone with either target. Citations are resolved
-- when read, by 发文字号 or, without one, by title: the indexes below serve both directions.
CREATE TABLE target_links (
  target_id TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,  -- the lower plan's
  restates  TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,  -- the higher plan's
  PRIMARY KEY (target_id, restates)
) STRICT, WITHOUT ROWID;

CREATE INDEX target_links_restates ON target_links (restates);
CREATE INDEX targets_indicator ON targets (indicator, unit);
CREATE INDEX citations_number ON citations (number);
CREATE INDEX citations_title ON citations (title);
CREATE INDEX documents_title ON documents (title);
CREATE INDEX documents_plan_title ON documents (plan_title);
