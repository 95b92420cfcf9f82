package dev.lifeboat.activities.restore;

/** How a dump is restored: {@code pg_restore} for archives, {@code psql} for plain SQL. */
public enum RestoreFormat {
  /** Detect from the file: archives start with {@code PGDMP}. */
  AUTO,
  CUSTOM,
  PLAIN
}
