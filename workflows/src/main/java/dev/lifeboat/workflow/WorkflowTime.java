package dev.lifeboat.workflow;

import io.temporal.workflow.Workflow;
import java.time.Instant;

/** Workflow time as an {@link Instant}: deterministic, replays to the same value. */
final class WorkflowTime {
  private WorkflowTime() {}

  static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
