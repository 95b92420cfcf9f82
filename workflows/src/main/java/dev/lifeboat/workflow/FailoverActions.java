package dev.lifeboat.workflow;

import dev.lifeboat.activities.command.CommandActivity;
import dev.lifeboat.activities.failover.HttpActionActivity;
import dev.lifeboat.activities.failover.PromoteStandbyActivity;
import dev.lifeboat.runbook.FailoverAction;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.activity.ActivityOptions;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs the actions of a {@code start-failover} step in order, each as its own activity call with
 * the step's timeout and retry policy, and stops at the first that fails: promoting a standby
 * before the old primary is fenced, or pointing the load balancer at a server that refused to
 * promote, is exactly what a failover must not do. A retry repeats only the failed action, never
 * one that already succeeded.
 */
final class FailoverActions {
  /** Where activity stubs come from (the dispatcher's cache). */
  interface Stubs {
    <T> T stub(String stepId, Class<T> type, ActivityOptions options);
  }

  private final Stubs stubs;
  private final String mainQueue;

  /**
   * @param mainQueue the workflow's own task queue; with a site, every action of the step runs on
   *     {@code mainQueue@site}
   */
  FailoverActions(Stubs stubs, String mainQueue) {
    this.stubs = stubs;
    this.mainQueue = mainQueue;
  }

  /**
   * Runs in a workflow thread of its own, so the sequence reads as a loop; the promise never fails
   * for an action's failure (see {@link StepDispatcher}).
   */
  Promise<StepOutcome> start(StartFailoverStep step) {
    return Async.function(this::run, step);
  }

  private StepOutcome run(StartFailoverStep step) {
    List<FailoverAction> actions = step.actions();
    List<FailoverActionResult> done = new ArrayList<>();
    for (int index = 0; index < actions.size(); index++) {
      try {
        done.add(perform(step.id(), actions.get(index), step.policy()));
      } catch (TemporalFailure failure) {
        return failed(step, index, failure, done);
      }
    }
    StartFailoverResult result =
        new StartFailoverResult(
            done, done.size() + (done.size() == 1 ? " action: " : " actions: ") + summaries(done));
    return new StepOutcome(StepStatus.SUCCEEDED, 1, result.summary(), result);
  }

  private FailoverActionResult perform(String stepId, FailoverAction action, StepPolicy policy) {
    String what = action.describe();
    if (action.ssh() != null) {
      CommandActivity ssh =
          stubs.stub(stepId, CommandActivity.class, StepOptions.of(policy, true, mainQueue));
      return FailoverActionResult.ssh(what, action.ssh().host(), ssh.command(action.ssh()));
    }
    if (action.promote() != null) {
      PromoteStandbyActivity promote =
          stubs.stub(stepId, PromoteStandbyActivity.class, StepOptions.of(policy, true, mainQueue));
      return FailoverActionResult.promote(what, promote.promoteStandby(action.promote()));
    }
    // A single HTTP exchange does not heartbeat; its own timeout bounds it.
    HttpActionActivity http =
        stubs.stub(stepId, HttpActionActivity.class, StepOptions.of(policy, false, mainQueue));
    return FailoverActionResult.http(what, http.httpAction(action.http()));
  }

  /** "action 2 of 3 (promote standby) failed: ...", with what ran before it and what did not. */
  private static StepOutcome failed(
      StartFailoverStep step, int index, TemporalFailure failure, List<FailoverActionResult> done) {
    StepOutcome plain = StepFailureOutcomes.of(failure, step.policy());
    if (StepFailureOutcomes.isCancellation(failure)) {
      return plain;
    }
    List<FailoverAction> actions = step.actions();
    List<FailoverAction> notRun = actions.subList(index + 1, actions.size());
    String summary =
        "action "
            + (index + 1)
            + " of "
            + actions.size()
            + " ("
            + actions.get(index).describe()
            + ") failed: "
            + plain.summary()
            + (done.isEmpty() ? "" : "; done before it: " + summaries(done))
            + (notRun.isEmpty()
                ? ""
                : "; not run: "
                    + notRun.stream()
                        .map(FailoverAction::describe)
                        .collect(Collectors.joining(", ")));
    String type = ((FailureDetail) plain.detail()).type();
    return new StepOutcome(
        StepStatus.FAILED,
        plain.attempt(),
        summary,
        new FailoverFailureDetail(type, plain.summary(), index + 1, List.copyOf(done)));
  }

  private static String summaries(List<FailoverActionResult> done) {
    return done.stream().map(FailoverActionResult::summary).collect(Collectors.joining("; "));
  }
}
