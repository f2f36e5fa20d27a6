-- Each passage's rank about each entity it names (lib/card/cardRows.ts `PassageRanks`: the facts of
-- the entity it was derived with, score, role, offset of the best mention), derived once when the
-- passage is filed (server/src/answers.ts). Cards and searches read it with the passage instead of
-- running the extension's aboutness again on every request (issue 21's figures: at 100,000
-- documents that was most of a search's CPU). NULL: none kept (a passage filed before this
-- migration): derived at each request as before, with the same result.
ALTER TABLE passages ADD COLUMN ranks jsonb;
