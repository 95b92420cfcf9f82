package dev.lifeboat.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One run or step transition for the append-only record.
 *
 * @param seq the event's position in the run, assigned by the workflow (so a retried write is a
 *     no-op, never a duplicate)
 * @param type e.g. {@code run.started}, {@code step.succeeded} (see {@link RunEventType})
 * @param stage, stepId, kind null for run events
 * @param detail the activity result or failure, written as JSON
 */
public record RunEvent(
    String runId,
    long seq,
    RunEventType type,
    Instant at,
    String stage,
    String stepId,
    String kind,
    int attempt,
    String message,
    Object detail) {
  public RunEvent {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }
}
