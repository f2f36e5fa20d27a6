-- A card's source counts kept as rows (issue 21's figures: bench/measure-server.mjs). Counting them
-- for each card read every document_entities row of the entity and every documents row of the team
-- (at 100,000 documents, ISIS in 98,000 of them: tens of ms a card, growing with the corpus); the
-- triggers below keep the counts in the same transaction as the rows they count.

CREATE TABLE entity_sources (
  team_id int NOT NULL DEFAULT cp_team() REFERENCES teams ON DELETE CASCADE,
  entity_id text NOT NULL,
  documents bigint NOT NULL,
  PRIMARY KEY (team_id, entity_id)
);
CREATE TABLE team_sources (
  team_id int PRIMARY KEY DEFAULT cp_team() REFERENCES teams ON DELETE CASCADE,
  documents bigint NOT NULL
);

-- The rows already there (read past row-level security for this transaction only: the owner is
-- bound by FORCE otherwise, and no team is set here).
ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
ALTER TABLE document_entities NO FORCE ROW LEVEL SECURITY;
INSERT INTO entity_sources (team_id, entity_id, documents) SELECT team_id, entity_id, count(*) FROM document_entities GROUP BY team_id, entity_id;
INSERT INTO team_sources (team_id, documents) SELECT team_id, count(*) FROM documents GROUP BY team_id;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
ALTER TABLE document_entities FORCE ROW LEVEL SECURITY;

-- Once per statement, from its transition table; rows are taken in key order so that two writers
-- never wait on each other's counts in opposite orders.
CREATE FUNCTION cp_count_entity_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO entity_sources AS s (team_id, entity_id, documents)
      SELECT r.team_id, r.entity_id, count(*) FROM new_rows r GROUP BY r.team_id, r.entity_id ORDER BY r.team_id, r.entity_id
      ON CONFLICT (team_id, entity_id) DO UPDATE SET documents = s.documents + excluded.documents;
  ELSE
    UPDATE entity_sources s SET documents = s.documents - o.n
      FROM (SELECT r.team_id, r.entity_id, count(*) AS n FROM old_rows r GROUP BY r.team_id, r.entity_id ORDER BY r.team_id, r.entity_id) o
      WHERE s.team_id = o.team_id AND s.entity_id = o.entity_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER document_entities_counted AFTER INSERT ON document_entities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cp_count_entity_sources();
CREATE TRIGGER document_entities_uncounted AFTER DELETE ON document_entities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cp_count_entity_sources();

CREATE FUNCTION cp_count_team_sources() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO team_sources AS s (team_id, documents)
      SELECT r.team_id, count(*) FROM new_rows r GROUP BY r.team_id ORDER BY r.team_id
      ON CONFLICT (team_id) DO UPDATE SET documents = s.documents + excluded.documents;
  ELSE
    UPDATE team_sources s SET documents = s.documents - o.n
      FROM (SELECT r.team_id, count(*) AS n FROM old_rows r GROUP BY r.team_id) o WHERE s.team_id = o.team_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER documents_counted AFTER INSERT ON documents
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION cp_count_team_sources();
CREATE TRIGGER documents_uncounted AFTER DELETE ON documents
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION cp_count_team_sources();

GRANT SELECT, INSERT, UPDATE ON entity_sources, team_sources TO counterpoint_app;
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['entity_sources', 'team_sources'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY team_only ON %I USING (team_id = cp_team()) WITH CHECK (team_id = cp_team())', t);
  END LOOP;
END $$;
