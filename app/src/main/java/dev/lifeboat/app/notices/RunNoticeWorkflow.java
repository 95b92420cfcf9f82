package dev.lifeboat.app.notices;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Sends one run notice ({@link RunNoticeActivity}), retrying while the channel is away, apart from
 * the run it tells of: its id is {@link RunNotice#workflowId()}, so the notice of a run event is
 * started once however often the event is written.
 */
@WorkflowInterface
public interface RunNoticeWorkflow {
  @WorkflowMethod
  RunNoticeSent send(RunNotice notice);
}
