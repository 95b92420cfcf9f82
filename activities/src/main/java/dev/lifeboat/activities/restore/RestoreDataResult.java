package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.StepResult;

/**
 * What {@code restore-data} did.
 *
 * @param createdDatabase whether the target database had to be created
 * @param replacedExisting whether an earlier (partial) restore into the same database was cleaned
 * @param tool the tool that ran ({@code pg_restore} or {@code psql})
 */
public record RestoreDataResult(
    String server,
    String database,
    boolean createdDatabase,
    boolean replacedExisting,
    String tool,
    long bytesRestored,
    long durationMillis,
    String summary)
    implements StepResult {}
