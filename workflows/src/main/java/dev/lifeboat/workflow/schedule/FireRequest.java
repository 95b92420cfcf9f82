package dev.lifeboat.workflow.schedule;

/** Launch schedule {@code scheduleId}'s run for the fire at {@code fireMillis} (epoch millis). */
public record FireRequest(String scheduleId, long fireMillis, FireKind kind, String requestedBy) {}
