package dev.lifeboat.activities.failover;

/** The heartbeat details while waiting for a promoted server: polls so far and the last one. */
public record PromoteProgress(int polls, String lastObservation) {}
