package dev.lifeboat.activities.postgres;

/**
 * The SQL type a bound value is sent as, from the type of the runbook param it came from: {@code
 * string} → text, {@code integer} → bigint, {@code boolean} → boolean, {@code duration} → interval.
 */
public enum SqlType {
  TEXT,
  BIGINT,
  BOOLEAN,
  INTERVAL
}
