package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunEventType;
import java.time.Instant;

/**
 * One row of {@code run_events}. {@code detail} is JSON text or null; the type is stored by its
 * wire name, e.g. {@code step.failed} ({@link StateColumns}).
 */
public record RunEventRow(
    String runId,
    long seq,
    RunEventType type,
    Instant at,
    String stage,
    String stepId,
    String kind,
    int attempt,
    String message,
    String detail) {}
