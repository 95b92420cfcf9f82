package dev.lifeboat.app.store;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.lifeboat.workflow.RunEventType;
import java.time.Instant;

/**
 * One row of {@code run_events}. {@code detail} is JSON text or null; the type is stored by its
 * wire name, e.g. {@code step.failed} ({@link StateColumns}). The API writes {@code detail} as the
 * JSON it is (an object), not as a string holding JSON: it is {@code jsonb} text from the record,
 * so always valid JSON.
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
    @JsonRawValue String detail) {}
