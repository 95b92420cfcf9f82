package dev.lifeboat.activities.failover;

/**
 * The heartbeat details of a promote step: polls so far and the last one, and what the step saw of
 * the server before it asked for promotion. Temporal hands the last details to the next attempt of
 * the same step, which is how a retry knows what its predecessor saw.
 *
 * @param before the server as first observed by this step; null in details recorded by versions
 *     that did not observe it
 */
public record PromoteProgress(int polls, String lastObservation, ServerObservation before) {}
