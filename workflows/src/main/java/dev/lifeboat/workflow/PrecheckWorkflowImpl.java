package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.RunEventType.RUN_FAILED;
import static dev.lifeboat.workflow.RunEventType.RUN_STARTED;
import static dev.lifeboat.workflow.RunEventType.RUN_SUCCEEDED;

import dev.lifeboat.activities.precheck.CheckLine;
import dev.lifeboat.activities.precheck.CheckStatus;
import dev.lifeboat.activities.precheck.PrecheckActivity;
import dev.lifeboat.activities.precheck.PrecheckResult;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.StepKinds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Checks every step at once, each on its own task queue, then records the checks in plan order and
 * ends the run. A check that no worker took, or whose worker failed, is itself a failed check
 * naming the task queue: a site without a worker is what a precheck is for.
 */
public class PrecheckWorkflowImpl implements PrecheckWorkflow {
  /** One check's time: an SSH login, a query, a TOC read of a backup. */
  static final Duration CHECK_TIMEOUT = Duration.ofMinutes(5);

  private RunBoard board;

  @Override
  public PrecheckReport precheck(RunInput input) {
    board = new RunBoard(input.runId(), input.plan());
    RunJournal journal = new RunJournal(input.runId());
    board.runStarted();
    journal.runEvent(RUN_STARTED, "precheck run launched by " + input.launcher());
    journal.writeAhead();
    String mainQueue = Workflow.getInfo().getTaskQueue();
    NotifyRequests messages = new NotifyRequests(input, board);
    Map<Step, Promise<PrecheckResult>> pending = new LinkedHashMap<>();
    steps(input)
        .forEach(
            step -> pending.put(step, check(step, messages.at(stageOf(step)), input, mainQueue)));
    List<CheckLine> lines = new ArrayList<>();
    try {
      pending.forEach(
          (step, result) -> {
            String stage = stageOf(step);
            for (CheckLine line : linesOf(step, result, mainQueue)) {
              lines.add(line);
              journal.checkEvent(stage, step, line.check() + ": " + line.measured(), line);
            }
          });
    } catch (CanceledFailure cancelled) {
      // Checks change nothing, so there is nothing to wait for: the record is closed at once.
      RunbookWorkflowImpl.end(board, journal, RunEventType.RUN_CANCELLED, "cancelled");
      throw cancelled;
    }
    long failed = lines.stream().filter(line -> line.status() == CheckStatus.FAIL).count();
    long warned = lines.stream().filter(line -> line.status() == CheckStatus.WARN).count();
    String counts = lines.size() + " checks: " + failed + " failed, " + warned + " warned";
    RunEventType end = failed == 0 ? RUN_SUCCEEDED : RUN_FAILED;
    RunState state = RunbookWorkflowImpl.end(board, journal, end, counts);
    return new PrecheckReport(state.status(), lines);
  }

  @Override
  public RunState state() {
    return board == null ? RunBoard.notStarted() : board.snapshot();
  }

  /** An undo is in no stage of the plan: it is shown with the cleanup, where it runs. */
  private String stageOf(Step step) {
    return board.find(step.id()).map(StepState::stage).orElse(Cleanup.STAGE);
  }

  /** Every step of the plan in plan order, each followed by its undo. */
  private static Stream<Step> steps(RunInput input) {
    return input
        .plan()
        .steps()
        .flatMap(step -> Stream.concat(Stream.of(step), step.policy().undoStep().stream()));
  }

  private static Promise<PrecheckResult> check(
      Step step, StepContext run, RunInput input, String mainQueue) {
    PrecheckActivity activity =
        Workflow.newActivityStub(
            PrecheckActivity.class,
            options(queueOf(step, mainQueue), StepOptions.siteWait(step.policy())));
    return Async.function(
        activity::precheck, PrecheckRequests.of(step, input.plan().objectives().rpo(), run));
  }

  /** Where the step would run: its site's queue, or the main one (notify, approval, no site). */
  static String queueOf(Step step, String mainQueue) {
    String site = step.policy().site();
    return site == null || StepKinds.of(step).mainWorkerOnly()
        ? mainQueue
        : SiteQueues.of(mainQueue, site);
  }

  /**
   * @param siteWait how long the check waits for a worker on {@code queue}, as long as the step
   *     itself would ({@link StepOptions#siteWait}); no worker by then is reported as a fail
   */
  private static ActivityOptions options(String queue, Duration siteWait) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(queue)
        .setStartToCloseTimeout(CHECK_TIMEOUT)
        .setScheduleToStartTimeout(siteWait)
        // A check changes nothing, so a lost worker's check is simply asked again, once.
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(2).build())
        .build();
  }

  private static List<CheckLine> linesOf(
      Step step, Promise<PrecheckResult> result, String mainQueue) {
    try {
      return result.get().checks();
    } catch (ActivityFailure failure) {
      if (failure.getCause() instanceof CanceledFailure cancelled) {
        throw cancelled; // the precheck was cancelled, not the worker lost
      }
      String cause =
          failure.getCause() == null ? failure.getMessage() : failure.getCause().getMessage();
      return List.of(
          new CheckLine(
              step.id(),
              "worker on " + queueOf(step, mainQueue),
              CheckStatus.FAIL,
              "the check did not run there: " + cause));
    }
  }
}
