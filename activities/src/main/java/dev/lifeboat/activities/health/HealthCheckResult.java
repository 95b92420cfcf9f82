package dev.lifeboat.activities.health;

import dev.lifeboat.activities.StepResult;

/**
 * A healthy probe's outcome (an unhealthy one fails the activity).
 *
 * @param probes how many times the probe ran before it succeeded
 * @param latencyMillis the successful probe's latency
 * @param observed what the probe saw (status code, query value, "connected")
 */
public record HealthCheckResult(int probes, long latencyMillis, String observed, String summary)
    implements StepResult {}
