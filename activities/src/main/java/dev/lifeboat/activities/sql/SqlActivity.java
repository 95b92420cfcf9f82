package dev.lifeboat.activities.sql;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code sql}: runs one statement on a configured PostgreSQL server, outside a transaction (so
 * {@code drop database} works), with its values bound as parameters. Not idempotent by itself: each
 * attempt runs the statement again, so write statements safe to repeat ({@code if exists}). An
 * unknown server or database name is {@code BAD_INPUT}; a statement PostgreSQL rejects as wrong
 * (SQLSTATE class 42) is {@code BAD_INPUT} and a refused login {@code BAD_CONFIG}, neither retried;
 * an unreachable server is {@code UNAVAILABLE}. Heartbeats while the statement runs, so a cancelled
 * run stops it within seconds.
 */
@ActivityInterface
public interface SqlActivity {
  @ActivityMethod
  SqlResult sql(SqlRequest request);
}
