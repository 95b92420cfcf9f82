package dev.lifeboat.activities.restore;

/**
 * The heartbeat details of a running restore, visible in Temporal's UI while it runs.
 *
 * @param outputLines lines the tool has printed so far (one per object for {@code pg_restore
 *     --verbose}, one per statement for {@code psql})
 */
public record RestoreProgress(String tool, long outputLines, long elapsedMillis) {}
