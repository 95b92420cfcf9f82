package dev.lifeboat.activities.restore;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code restore-data}, idempotent (re-run safe) in every form:
 *
 * <ul>
 *   <li><b>A PostgreSQL dump into a database</b> ({@code pg_restore} for archives, {@code psql} for
 *       plain SQL) on a configured server, creating it when missing. The dump is read on the worker
 *       or, with a {@code host}, on that host, where the tool runs and gets the server's password
 *       on its standard input (never on a command line). The restore runs in one transaction and
 *       then stamps the database with the dump's sha256, so a retry of the same dump into the same
 *       database succeeds without restoring again, and a failed attempt leaves nothing behind.
 *       Archives replace an unstamped target's objects ({@code --clean}); plain SQL into a
 *       non-empty unstamped target is refused (BAD_INPUT) rather than doubling data.
 *   <li><b>A tarball into a directory on a host</b> ({@code host}, {@code to}): extracted with
 *       {@code tar} into a sibling directory that is renamed into place when complete and stamped
 *       with the tarball's sha256. Re-running with the same tarball does nothing; a non-empty
 *       directory without that stamp is refused (BAD_INPUT), never overwritten.
 * </ul>
 *
 * Heartbeats with progress while the tool runs, so set a heartbeat timeout to notice a dead worker;
 * cancellation kills the tool, locally or on the host. A tool failure is TOOL_FAILED, retried
 * unless its error says the next attempt would fail alike (a damaged dump, invalid SQL or data, a
 * missing privilege, a refused login), which fails at once.
 */
@ActivityInterface
public interface RestoreDataActivity {
  @ActivityMethod
  RestoreDataResult restoreData(RestoreDataRequest request);
}
