package dev.lifeboat.app.notices;

import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunEventType;
import java.util.Objects;

/**
 * One notice to send: the run event it tells of, as recorded.
 *
 * @param type the recorded event's type (for {@link NoticeEvent#RUN_FINISHED}, which end)
 * @param message the event's message (what failed, how many approvers of which role)
 */
public record RunNotice(
    String runId,
    long seq,
    NoticeEvent event,
    RunEventType type,
    String stage,
    String stepId,
    String message) {
  public RunNotice {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(type, "type");
  }

  static RunNotice of(RunEvent recorded, NoticeEvent event) {
    return new RunNotice(
        recorded.runId(),
        recorded.seq(),
        event,
        recorded.type(),
        recorded.stage(),
        recorded.stepId(),
        recorded.message());
  }

  /** The id of the workflow that sends it: one per run event, so a second start is refused. */
  public String workflowId() {
    return "notice-" + runId + "-" + seq;
  }
}
