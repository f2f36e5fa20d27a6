-- Full-text search that uses its GIN index under row-level security, and reads the newest matches
-- first (issue 21's figures: bench/measure-server.mjs, server/README.md).
--
-- Why a function: under row-level security PostgreSQL evaluates the policy (`team_id = cp_team()`)
-- before any condition of the query that is not LEAKPROOF, and only LEAKPROOF conditions may
-- become index conditions. `tsv @@ query` (ts_match_vq) is not leakproof, so for counterpoint_app
-- every search was a sequential scan of all passages, ranked over every match (EXPLAIN: 256 ms
-- for a word in no passage at 63,000 passages). Marking ts_match_vq LEAKPROOF takes a superuser,
-- which a managed PostgreSQL does not give.
--
-- So full text runs in cp_text_hits, owned by counterpoint_search: a role that cannot log in, whose
-- only right is to read passages, through a policy of its own. The function names the team
-- itself (`team_id = cp_team()`, the same setting the policy reads, so it returns exactly what the
-- policy would show: nothing with no team set) and returns ids and ranks only; the passages and
-- documents are then read by the caller, under row-level security as before.

ALTER TABLE passages ADD COLUMN seq bigint;
UPDATE passages p SET seq = d.seq FROM documents d WHERE d.team_id = p.team_id AND d.id = p.doc_id;
ALTER TABLE passages ALTER COLUMN seq SET NOT NULL;
-- The document's filing order (documents.seq), newest last: the newest matches of a common word are
-- read from this index backwards and stop at the bound, whatever the corpus's size.
CREATE INDEX passages_seq ON passages (team_id, seq);

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'counterpoint_search') THEN
    CREATE ROLE counterpoint_search NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;
GRANT USAGE ON SCHEMA public TO counterpoint_search;
GRANT SELECT ON passages TO counterpoint_search;
CREATE POLICY search_reads ON passages FOR SELECT TO counterpoint_search USING (true);

-- The passages of the current team that match `query` in any of `configs` (websearch_to_tsquery
-- in each, OR-ed; a query the same in two languages is counted once, or the planner would take a
-- word for two or six times as common as it is): of its `newest` newest matches (in filing order),
-- the `best` by ts_rank_cd. EXECUTE plans with the query's own words, so the planner picks from
-- their frequencies: a rare word through the GIN index (every match, sorted), a common one through
-- passages_seq backwards until `newest` match.
CREATE FUNCTION cp_text_hits(query text, configs regconfig[], newest int, best int)
  RETURNS TABLE (doc_id text, n int, rank real)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
  AS $$
DECLARE
  config regconfig;
  part tsquery;
  q tsquery;
  seen text[] := '{}';
BEGIN
  FOREACH config IN ARRAY configs LOOP
    part := websearch_to_tsquery(config, query);
    IF numnode(part) > 0 AND NOT part::text = ANY (seen) THEN
      seen := seen || part::text;
      q := CASE WHEN q IS NULL THEN part ELSE q || part END;
    END IF;
  END LOOP;
  IF q IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT m.doc_id, m.n, ts_rank_cd(m.tsv, $1) AS rank FROM (
       SELECT p.doc_id, p.n, p.tsv FROM passages p
       WHERE p.team_id = cp_team() AND p.tsv @@ $1 ORDER BY p.seq DESC LIMIT $2
     ) m ORDER BY rank DESC LIMIT $3'
    USING q, newest, best;
END $$;
ALTER FUNCTION cp_text_hits(text, regconfig[], int, int) OWNER TO counterpoint_search;
REVOKE ALL ON FUNCTION cp_text_hits(text, regconfig[], int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cp_text_hits(text, regconfig[], int, int) TO counterpoint_app;
