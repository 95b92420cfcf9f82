package dev.lifeboat.activities.restore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code restore-data}: restores a PostgreSQL dump ({@code pg_restore} for custom format, {@code
 * psql} for plain SQL) into a named database on a configured server, creating it when missing.
 * Idempotent: a retried restore starts from a clean target, so it neither fails on existing objects
 * nor doubles data. Heartbeats with progress while the tool runs, so set a heartbeat timeout to
 * notice a dead worker.
 */
@ActivityInterface
public interface RestoreDataActivity {
  @ActivityMethod
  RestoreDataResult restoreData(RestoreDataRequest request);
}
