package dev.lifeboat.app.compliance;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The daily coverage check: once a day (UTC), sends each overdue plan's owner one notice per owed
 * mode, until a passing run of that mode exists. One long-running workflow ({@link #WORKFLOW_ID}),
 * a durable timer to the next day, continue-as-new every {@link CoverageWatchInput#daysPerRun}
 * days; started again at every start-up (the embedded Temporal forgets it across restarts). The
 * notices themselves are idempotent ({@link CoverageNoticeActivity}): a retry or a restart in the
 * same day sends nothing twice.
 */
@WorkflowInterface
public interface CoverageWatchWorkflow {
  String WORKFLOW_ID = "coverage-watch";

  @WorkflowMethod
  void watch(CoverageWatchInput input);
}
