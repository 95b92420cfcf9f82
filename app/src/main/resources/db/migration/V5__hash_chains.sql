-- Hash chains over the append-only tables, so an edit, deletion, insertion or reordering made
-- behind Lifeboat's back (by hand, in SQL, with the triggers disabled) is found and named by
-- `lifeboat audit verify` and GET /api/runs/{id}/integrity. Each row stores the hash of its
-- predecessor and its own: sha256 = SHA-256(previous_sha256 || canonical JSON of the row's values),
-- computed by Lifeboat when the row is written (README, "Integrity of the record").
--   run_events:    one chain per run, starting from the hash of the run's identity;
--   audit_events:  one chain, starting from 64 zeros;
--   run_actions:   one chain, starting from 64 zeros.
-- Rows written before this migration keep null hashes; a chain begins at its first hashed row.

alter table run_events add column previous_sha256 char(64), add column sha256 char(64);
alter table audit_events add column previous_sha256 char(64), add column sha256 char(64);
alter table run_actions add column previous_sha256 char(64), add column sha256 char(64);
