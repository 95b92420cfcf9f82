package dev.lifeboat.app.chain;

import org.jdbi.v3.core.Handle;

/** Shared steps of appending to a table-wide chain (audit events, run actions). */
public final class RecordChains {
  private RecordChains() {}

  /**
   * Takes the chain's transaction-scoped advisory lock (so no other append links to the same last
   * row), then returns the last row's hash: {@link ChainHash#ORIGIN} for an empty table or one
   * whose rows all predate chaining. {@code table} is one of this package's callers' constants.
   */
  public static String lockAndLast(Handle handle, long lock, String table) {
    handle
        .createQuery("select 1 from pg_advisory_xact_lock(:lock)")
        .bind("lock", lock)
        .mapTo(Integer.class)
        .one();
    return handle
        .createQuery(
            "select coalesce((select sha256 from "
                + table
                + " order by seq desc limit 1), :origin)")
        .bind("origin", ChainHash.ORIGIN)
        .mapTo(String.class)
        .one();
  }
}
