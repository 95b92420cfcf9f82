package dev.lifeboat.workflow.schedule;

/** Record that the fire at {@code fireMillis} launched nothing, and why. */
public record SkipRequest(String scheduleId, long fireMillis, FireKind kind, String reason) {}
