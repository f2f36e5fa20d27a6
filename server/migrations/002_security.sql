-- Row-level security: the server connects as counterpoint_app, which owns nothing and bypasses
-- nothing, and sets `counterpoint.team` for each transaction (SET LOCAL through set_config).
-- Every team-owned table shows and accepts only that team's rows; with no team set, nothing.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'counterpoint_app') THEN
    CREATE ROLE counterpoint_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO counterpoint_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON documents, passages, document_entities, entities, names TO counterpoint_app;
GRANT USAGE ON SEQUENCE documents_seq_seq TO counterpoint_app;
GRANT SELECT ON gazetteer_names TO counterpoint_app;
-- teams and tokens: not readable by the app role at all; a token is checked by cp_auth below.

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['documents', 'passages', 'document_entities', 'entities', 'names'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY team_only ON %I USING (team_id = cp_team()) WITH CHECK (team_id = cp_team())', t);
  END LOOP;
END $$;

-- A token's team and role from its hash (the only way the app role reads tokens or teams).
CREATE FUNCTION cp_auth(token_hash bytea)
  RETURNS TABLE (team_id int, slug text, name text, role text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT t.id, t.slug, t.name, k.role FROM tokens k JOIN teams t ON t.id = k.team_id
    WHERE k.hash = token_hash AND k.revoked_at IS NULL
  $$;
REVOKE ALL ON FUNCTION cp_auth(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cp_auth(bytea) TO counterpoint_app;
