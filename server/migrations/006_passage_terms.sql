-- Full-text search over a narrow table: each passage's filing order and tsvector only (issue 21's
-- figures: bench/measure-server.mjs, server/README.md). cp_text_hits read `passages`, whose rows
-- carry the text, the compiled passage (jsonb) and its ranks besides the tsvector: a phrase or
-- multi-word query that the GIN index can only narrow (it keeps no word positions) is rechecked
-- on every candidate row, and at 100,000 documents that read ~13,000 wide heap pages for a phrase
-- of middling frequency. passage_terms holds what the search reads (seq, tsv), so a recheck reads
-- a narrow row; the wide rows are read only for the 100 passages found (server/src/teamStore.ts
-- textPassages). Rows are written in the same statement as their passage (teamStore.ts
-- insertDocuments) and go with it (ON DELETE CASCADE). The GIN index on passages is dropped: the
-- app's own statements on passages cannot use it under row-level security (003_text_hits.sql),
-- and cp_text_hits now reads passage_terms.

CREATE TABLE passage_terms (
  team_id int NOT NULL DEFAULT cp_team(),
  doc_id text NOT NULL,
  n int NOT NULL,
  seq bigint NOT NULL,
  tsv tsvector NOT NULL,
  PRIMARY KEY (team_id, doc_id, n),
  FOREIGN KEY (team_id, doc_id, n) REFERENCES passages ON DELETE CASCADE
);

ALTER TABLE passages NO FORCE ROW LEVEL SECURITY;
INSERT INTO passage_terms (team_id, doc_id, n, seq, tsv) SELECT team_id, doc_id, n, seq, tsv FROM passages;
ALTER TABLE passages FORCE ROW LEVEL SECURITY;
CREATE INDEX passage_terms_tsv ON passage_terms USING gin (tsv);
CREATE INDEX passage_terms_seq ON passage_terms (team_id, seq);
DROP INDEX passages_tsv;

GRANT SELECT, INSERT, DELETE ON passage_terms TO counterpoint_app;
ALTER TABLE passage_terms ENABLE ROW LEVEL SECURITY;
ALTER TABLE passage_terms FORCE ROW LEVEL SECURITY;
CREATE POLICY team_only ON passage_terms USING (team_id = cp_team()) WITH CHECK (team_id = cp_team());
GRANT SELECT ON passage_terms TO counterpoint_search;
CREATE POLICY search_reads ON passage_terms FOR SELECT TO counterpoint_search USING (true);

-- cp_text_hits as in 003_text_hits.sql (the same steps, in the same order), reading passage_terms.
CREATE OR REPLACE FUNCTION cp_text_hits(query text, configs regconfig[], newest int, best int)
  RETURNS TABLE (doc_id text, n int, rank real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  SET enable_seqscan = off SET enable_indexscan = on SET enable_bitmapscan = on
  AS $$
DECLARE
  config regconfig;
  part tsquery;
  q tsquery;
  seen text[] := '{}';
  top bigint;
  lo bigint;
  span bigint;
  looked int;
  rate float8;
  -- What the steps found: passages (doc_id, n) and their ranks.
  docs text[] := '{}';
  ns int[] := '{}';
  ranks real[] := '{}';
  step text := 'SELECT coalesce(array_agg(doc_id), ''{}''), coalesce(array_agg(n), ''{}''), coalesce(array_agg(ts_rank_cd(tsv, %1$L::tsquery)), ''{}'')
    FROM (SELECT p.doc_id, p.n, p.tsv FROM passage_terms p
          WHERE p.team_id = cp_team() AND p.seq > %2$s AND p.seq <= %3$s AND p.tsv @@ %1$L::tsquery
          ORDER BY p.seq DESC LIMIT %4$s) m';
  d text[];
  k int[];
  r real[];
BEGIN
  FOREACH config IN ARRAY configs LOOP
    part := websearch_to_tsquery(config, query);
    IF numnode(part) > 0 AND NOT part::text = ANY (seen) THEN
      seen := seen || part::text;
      q := CASE WHEN q IS NULL THEN part ELSE q || part END;
    END IF;
  END LOOP;
  SELECT max(p.seq) INTO top FROM passage_terms p WHERE p.team_id = cp_team();
  IF q IS NULL OR top IS NULL THEN
    RETURN;
  END IF;

  -- A first look: the team's newest 1,200 passages (about 200 documents), backwards.
  SELECT coalesce((SELECT p.seq FROM passage_terms p WHERE p.team_id = cp_team() ORDER BY p.seq DESC OFFSET 1200 LIMIT 1), 0) INTO lo;
  PERFORM set_config('enable_bitmapscan', 'off', true);
  EXECUTE format(step, q::text, lo, top, newest) INTO docs, ns, ranks;
  SELECT count(*) INTO looked FROM passage_terms p WHERE p.team_id = cp_team() AND p.seq > lo;
  rate := cardinality(docs)::float8 / greatest(looked, 1);

  IF cardinality(docs) < newest AND lo > 0 AND rate >= 0.05 THEN
    -- Common: on backwards.
    EXECUTE format(step, q::text, 0, lo, newest - cardinality(docs)) INTO d, k, r;
    docs := docs || d; ns := ns || k; ranks := ranks || r;
  ELSIF cardinality(docs) < newest AND lo > 0 THEN
    PERFORM set_config('enable_bitmapscan', 'on', true);
    PERFORM set_config('enable_indexscan', 'off', true);
    IF rate > 0 THEN
      -- Wide enough for the matches still wanted at this rate, and half again (in seq, filing order:
      -- `looked` passages were between lo and top).
      span := ceil(1.5 * (newest - cardinality(docs)) / rate / greatest(looked, 1) * (top - lo));
      EXECUTE format(step, q::text, greatest(lo - span, 0), lo, newest - cardinality(docs)) INTO d, k, r;
      docs := docs || d; ns := ns || k; ranks := ranks || r;
      lo := greatest(lo - span, 0);
    END IF;
    IF cardinality(docs) < newest AND lo > 0 THEN
      EXECUTE format(step, q::text, 0, lo, newest - cardinality(docs)) INTO d, k, r;
      docs := docs || d; ns := ns || k; ranks := ranks || r;
    END IF;
  END IF;
  RETURN QUERY SELECT u.doc_id, u.n, u.rank FROM unnest(docs, ns, ranks) AS u(doc_id, n, rank) ORDER BY u.rank DESC LIMIT best;
END $$;
