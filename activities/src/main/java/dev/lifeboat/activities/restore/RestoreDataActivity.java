package dev.lifeboat.activities.restore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code restore-data}: restores a PostgreSQL dump ({@code pg_restore} for custom format, {@code
 * psql} for plain SQL) into a named database on a configured server, creating it when missing.
 * Idempotent: the restore runs in one transaction and then stamps the database with the dump's
 * sha256, so a retry of the same dump into the same database succeeds without restoring again, and
 * a failed attempt leaves nothing behind. Archives replace an unstamped target's objects ({@code
 * --clean}); plain SQL into a non-empty unstamped target is refused (BAD_INPUT) rather than
 * doubling data. Heartbeats with progress while the tool runs, so set a heartbeat timeout to notice
 * a dead worker; cancellation kills the tool.
 */
@ActivityInterface
public interface RestoreDataActivity {
  @ActivityMethod
  RestoreDataResult restoreData(RestoreDataRequest request);
}
