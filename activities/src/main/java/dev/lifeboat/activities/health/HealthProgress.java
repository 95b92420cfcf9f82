package dev.lifeboat.activities.health;

/** The heartbeat details while polling: how many probes so far and what the last one saw. */
public record HealthProgress(int probes, String lastObservation) {}
