package dev.lifeboat.app.compliance;

import java.time.Instant;

/**
 * One ended drill of a plan, for the RTO/RPO trend.
 *
 * @param verdict {@code pass}, {@code fail}, or null when it ended unjudged (before verdicts)
 * @param rtoMillis RTO achieved, null when not measured
 * @param rpoMillis RPO observed, null when not measured
 */
public record DrillPoint(
    String planName,
    String runId,
    String status,
    String verdict,
    Instant createdAt,
    Instant endedAt,
    Long rtoMillis,
    Long rpoMillis) {}
