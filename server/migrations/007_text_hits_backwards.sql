-- cp_text_hits (006_passage_terms.sql) with its middle step chosen by cost (issue 21's figures:
-- server/README.md, "How a search finds its newest matches").
--
-- 003/006 read the newest matches of a word found in fewer than 5% of the newest passages through
-- the GIN index, ANDed (it was meant) with a window of passage_terms_seq. The planner ANDs the two
-- only when it expects many matches; for a phrase or several words its estimate is a handful (EXPLAIN
-- at 100,000 documents: 7 rows expected, 13,872 found), so it takes the GIN index alone and filters
-- the window on the heap: every match in the whole table is read (11,151 heap blocks, 200–400 ms
-- for "refugee camps in northern Iraq", "al-Qaeda", "Operation Inherent Resolve", 1.5–2% of
-- passages), and then most are thrown away. Read backwards through passage_terms_seq, the same
-- window's matches take 7–15 ms: each passage costs about 1 µs backwards and each match about 10 µs
-- through the bitmap.
--
-- So after the first look (the newest 1,200 passages, as before), with `rate` the share of them that
-- matched and `wanted` the matches still missing:
--   * backwards through the filing order over a window twice as wide as that rate needs, when that
--     reads fewer passages (wanted / rate) than ten times the matches the GIN index would hand to the
--     heap (rate × every passage): a word in 0.6% or more of 630,000 passages, in 2% or more of 60,000;
--   * then, if still short (the word rarer in older passages, or rare from the start), the GIN index
--     over all older passages, whose matches are then few.
-- The answer is the same: the newest `newest` matches, of them the `best` by ts_rank_cd
-- (server/test/textHits.test.ts compares it with a plain query for words of every frequency). Ties
-- are now broken the same way whichever road is taken, where 003/006 left them to the plan: within
-- a document its later passages first, equal ranks by document and passage. The filing order's
-- index takes the passage number too, so that a backwards read comes in that order and stops at its
-- LIMIT (on (team_id, seq) alone the window was read whole and sorted: 28,549 rows for 232).
CREATE INDEX passage_terms_order ON passage_terms (team_id, seq, n);
DROP INDEX passage_terms_seq;

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
  first bigint;
  lo bigint;
  span bigint;
  looked int;
  rate float8;
  wanted int;
  -- What the steps found: passages (doc_id, n) and their ranks.
  docs text[] := '{}';
  ns int[] := '{}';
  ranks real[] := '{}';
  step text := 'SELECT coalesce(array_agg(doc_id), ''{}''), coalesce(array_agg(n), ''{}''), coalesce(array_agg(ts_rank_cd(tsv, %1$L::tsquery)), ''{}'')
    FROM (SELECT p.doc_id, p.n, p.tsv FROM passage_terms p
          WHERE p.team_id = cp_team() AND p.seq > %2$s AND p.seq <= %3$s AND p.tsv @@ %1$L::tsquery
          ORDER BY p.seq DESC, p.n DESC LIMIT %4$s) m';
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
  SELECT max(p.seq), min(p.seq) INTO top, first FROM passage_terms p WHERE p.team_id = cp_team();
  IF q IS NULL OR top IS NULL THEN
    RETURN;
  END IF;

  -- A first look: the team's newest 1,200 passages (about 200 documents), backwards.
  SELECT coalesce((SELECT p.seq FROM passage_terms p WHERE p.team_id = cp_team() ORDER BY p.seq DESC OFFSET 1200 LIMIT 1), 0) INTO lo;
  PERFORM set_config('enable_bitmapscan', 'off', true);
  EXECUTE format(step, q::text, lo, top, newest) INTO docs, ns, ranks;
  SELECT count(*) INTO looked FROM passage_terms p WHERE p.team_id = cp_team() AND p.seq > lo;
  rate := cardinality(docs)::float8 / greatest(looked, 1);
  wanted := newest - cardinality(docs);

  -- Backwards, when it reads fewer passages than ten times the matches the GIN index would hand to
  -- the heap (the team's passages counted at the first look's density, `looked` per top - lo of the
  -- filing order, which other teams' documents share).
  IF wanted > 0 AND lo > 0 AND rate > 0
     AND wanted / rate <= 10 * rate * looked * (top - least(first, lo) + 1) / greatest(top - lo, 1) THEN
    span := ceil(2 * wanted / rate / looked * (top - lo));
    EXECUTE format(step, q::text, greatest(lo - span, 0), lo, wanted) INTO d, k, r;
    docs := docs || d; ns := ns || k; ranks := ranks || r;
    lo := greatest(lo - span, 0);
  END IF;
  IF cardinality(docs) < newest AND lo > 0 THEN
    PERFORM set_config('enable_bitmapscan', 'on', true);
    PERFORM set_config('enable_indexscan', 'off', true);
    EXECUTE format(step, q::text, 0, lo, newest - cardinality(docs)) INTO d, k, r;
    docs := docs || d; ns := ns || k; ranks := ranks || r;
  END IF;
  RETURN QUERY SELECT u.doc_id, u.n, u.rank FROM unnest(docs, ns, ranks) AS u(doc_id, n, rank) ORDER BY u.rank DESC, u.doc_id, u.n LIMIT best;
END $$;
