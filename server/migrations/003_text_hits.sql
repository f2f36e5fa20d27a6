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
-- The rows already there, past row-level security for this transaction only (an owner that is not a
-- superuser is bound by FORCE, and no team is set here).
ALTER TABLE passages NO FORCE ROW LEVEL SECURITY;
ALTER TABLE documents NO FORCE ROW LEVEL SECURITY;
UPDATE passages p SET seq = d.seq FROM documents d WHERE d.team_id = p.team_id AND d.id = p.doc_id;
ALTER TABLE passages FORCE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
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
-- in each, OR-ed, each distinct query once): of its `newest` newest matches (in filing order), the
-- `best` by ts_rank_cd. How they are found depends on how common the words are, which a first look
-- at the team's newest 1,200 passages tells (the planner's own estimate is no guide: a word missing from
-- its statistics, such as a misspelling, was taken for one in 1.5% of passages and looked for by
-- reading all 634,000 backwards, 2.5 s):
--   * common (5% or more of those passages): passages_seq backwards until `newest` match
--     (an index scan; a GIN index scan of such a word alone costs ~1 µs per passage that has it);
--   * less common: the GIN index, ANDed with a window of passages_seq just wide enough for
--     `newest` matches at that rate (and half again), then, if still short, the GIN index over all older passages
--     (bitmap scans: only the matches are read).
-- Each step's statement has the query and bounds written in (format's %L and %s), so it is planned
-- for this query's words.
CREATE FUNCTION cp_text_hits(query text, configs regconfig[], newest int, best int)
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
    FROM (SELECT p.doc_id, p.n, p.tsv FROM passages p
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
  SELECT max(p.seq) INTO top FROM passages p WHERE p.team_id = cp_team();
  IF q IS NULL OR top IS NULL THEN
    RETURN;
  END IF;

  -- A first look: the team's newest 1,200 passages (about 200 documents), backwards.
  SELECT coalesce((SELECT p.seq FROM passages p WHERE p.team_id = cp_team() ORDER BY p.seq DESC OFFSET 1200 LIMIT 1), 0) INTO lo;
  PERFORM set_config('enable_bitmapscan', 'off', true);
  EXECUTE format(step, q::text, lo, top, newest) INTO docs, ns, ranks;
  SELECT count(*) INTO looked FROM passages p WHERE p.team_id = cp_team() AND p.seq > lo;
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
ALTER FUNCTION cp_text_hits(text, regconfig[], int, int) OWNER TO counterpoint_search;
REVOKE ALL ON FUNCTION cp_text_hits(text, regconfig[], int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cp_text_hits(text, regconfig[], int, int) TO counterpoint_app;
