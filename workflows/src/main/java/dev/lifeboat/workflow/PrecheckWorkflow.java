package dev.lifeboat.workflow;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A readiness precheck of a plan, without side effects: for every step (main and {@code finally:}
 * stages, and each step's undo) it calls {@code PrecheckActivity} on the task queue where the step
 * would run, so hosts, servers, backups and secrets are checked from the step's own worker. Each
 * check is recorded as a {@code precheck.check} event through {@link RunRecordActivity}; the run
 * ends succeeded when no check failed (warnings allowed), else failed.
 */
@WorkflowInterface
public interface PrecheckWorkflow {
  @WorkflowMethod
  PrecheckReport precheck(RunInput input);

  /**
   * The run as the runs API shows a live run; the same query name as {@link
   * RunbookWorkflow#state()}, so a precheck in progress is shown like any run.
   */
  @QueryMethod(name = "state")
  RunState state();
}
