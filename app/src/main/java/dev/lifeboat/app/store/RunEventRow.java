package dev.lifeboat.app.store;

import java.time.Instant;

/** One row of {@code run_events}. {@code detail} is JSON text or null. */
public record RunEventRow(
    String runId,
    long seq,
    String type,
    Instant at,
    String stage,
    String stepId,
    String kind,
    int attempt,
    String message,
    String detail) {}
