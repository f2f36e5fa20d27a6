-- Counterpoint team server: the shared corpus of each team (issue 21).
-- Run by server/src/migrate.ts as the database owner, once, in one transaction.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One text search configuration per language, accents folded by unaccent before stemming
-- (so "Raqqa" finds "Raqqā", "Kobanî" finds "Kobani"). A language this server's PostgreSQL has no
-- stemmer for (Arabic before PostgreSQL 13) gets the 'simple' dictionary: words are matched
-- whole, lower-cased and unaccented, never stemmed. cp_simple is for documents of any other language.
DO $$
DECLARE
  lang text;
  dict text;
BEGIN
  FOREACH lang IN ARRAY ARRAY['english', 'french', 'german', 'turkish', 'arabic', 'simple'] LOOP
    dict := CASE WHEN lang <> 'simple' AND EXISTS (SELECT 1 FROM pg_ts_dict WHERE dictname = lang || '_stem') THEN lang || '_stem' ELSE 'simple' END;
    EXECUTE format('CREATE TEXT SEARCH CONFIGURATION cp_%s (COPY = %s)', lang, CASE WHEN dict = 'simple' THEN 'simple' ELSE lang END);
    EXECUTE format('ALTER TEXT SEARCH CONFIGURATION cp_%s ALTER MAPPING FOR hword, hword_part, word WITH unaccent, %s', lang, dict);
  END LOOP;
END $$;

-- An immutable unaccent + lower-case fold for names (expression indexes need immutable functions;
-- the dictionary is named, so the result depends on its input alone).
CREATE FUNCTION cp_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE teams (
  id serial PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
);

-- Only the SHA-256 of a token is kept: the token (32 random bytes) is shown once, when made.
CREATE TABLE tokens (
  id serial PRIMARY KEY,
  team_id int NOT NULL REFERENCES teams ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('reader', 'writer')),
  hash bytea NOT NULL UNIQUE CHECK (length(hash) = 32),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The team of the current transaction (SET LOCAL by the server for each request), or NULL.
CREATE FUNCTION cp_team() RETURNS int LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('counterpoint.team', true), '')::int $$;

CREATE TABLE documents (
  team_id int NOT NULL DEFAULT cp_team() REFERENCES teams ON DELETE CASCADE,
  id text NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
  seq bigserial,
  meta jsonb NOT NULL,
  body text NOT NULL,
  language text NOT NULL CHECK (language IN ('english', 'french', 'german', 'turkish', 'arabic', 'simple')),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (team_id, id)
);
CREATE INDEX documents_seq ON documents (team_id, seq);

-- A document's passages as the extension compiles them (lib/corpus/types.ts Passage, ids 0…n-1
-- within the document), with their text searchable in the document's language.
CREATE TABLE passages (
  team_id int NOT NULL DEFAULT cp_team(),
  doc_id text NOT NULL,
  n int NOT NULL,
  text text NOT NULL,
  data jsonb NOT NULL,
  entity_ids text[] NOT NULL,
  config regconfig NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector(config, text)) STORED,
  PRIMARY KEY (team_id, doc_id, n),
  FOREIGN KEY (team_id, doc_id) REFERENCES documents ON DELETE CASCADE
);
CREATE INDEX passages_tsv ON passages USING gin (tsv);

-- Which documents mention which entity, newest last: a card reads an entity's latest documents
-- through this index without touching the rest of the corpus.
CREATE TABLE document_entities (
  team_id int NOT NULL DEFAULT cp_team(),
  entity_id text NOT NULL,
  seq bigint NOT NULL,
  doc_id text NOT NULL,
  PRIMARY KEY (team_id, entity_id, seq),
  FOREIGN KEY (team_id, doc_id) REFERENCES documents ON DELETE CASCADE
);

-- Places and groups a team added (lib/corpus/types.ts Entity), beside the bundled gazetteer.
CREATE TABLE entities (
  team_id int NOT NULL DEFAULT cp_team() REFERENCES teams ON DELETE CASCADE,
  id text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (team_id, id)
);

-- Names a team added to any entity (bundled or its own): lib/userCorpus/types.ts UserAlias.
CREATE TABLE names (
  team_id int NOT NULL DEFAULT cp_team() REFERENCES teams ON DELETE CASCADE,
  entity_id text NOT NULL,
  text text NOT NULL,
  case_sensitive boolean NOT NULL DEFAULT false,
  ambiguous boolean NOT NULL DEFAULT false,
  PRIMARY KEY (team_id, entity_id, text)
);
-- Misspelt names ("Kirkook", "Mossul") by trigram similarity, accents and case folded.
CREATE INDEX names_trgm ON names USING gin (cp_fold(text) gin_trgm_ops);

-- The bundled gazetteer's names (corpus/gazetteer.ts), written by the server at start, shared by
-- every team: misspellings of bundled names are found by trigrams too.
CREATE TABLE gazetteer_names (
  entity_id text NOT NULL,
  text text NOT NULL,
  PRIMARY KEY (entity_id, text)
);
CREATE INDEX gazetteer_names_trgm ON gazetteer_names USING gin (cp_fold(text) gin_trgm_ops);
