package dev.lifeboat.workflow;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's side of the record: numbers events 1, 2, 3… in the order the workflow sees the
 * transitions, buffers them, and writes the buffer through {@link RunRecordActivity} as one local
 * activity call.
 *
 * <p>The record is written ahead of the work: {@link #writeAhead()} lands run.started and a stage's
 * step starts (with the previous stage's ends) before the stage's activities are scheduled, and
 * {@link #keepUpUntil} writes each step's end as it arrives while its siblings still run. So the
 * record never shows a step that ran as never started. What a crash can still lose is an end that
 * arrived in the moment before its write landed: a worker that replays the history writes it again,
 * with the same number; if the history is gone too, the run is marked interrupted with that step
 * still running.
 *
 * <p>Runs recorded before write-ahead ({@link #WRITE_AHEAD} version absent) keep the old batching
 * on replay: transitions waited up to {@link #RECORD_LAG} in the buffer.
 */
final class RunJournal {
  /** Change id of write-ahead recording; its absence in a history means batching by lag. */
  static final String WRITE_AHEAD = "record-write-ahead";

  /** The longest a transition waited in the buffer in runs recorded before write-ahead. */
  static final Duration RECORD_LAG = Duration.ofSeconds(1);

  /** Retry pauses up to this long happen inside the worker, longer ones on a workflow timer. */
  static final Duration LOCAL_RETRIES = Duration.ofSeconds(10);

  /**
   * A write is retried with backoff (200 ms doubling to 30 s) until it lands, however long the
   * record database is away, and a retried write appends nothing twice (run, seq). The
   * schedule-to-close (ten years: no limit in practice) is what makes the SDK retry at all: a local
   * activity without one and without an attempt limit counts as having no retry policy and fails on
   * its first error. Pauses longer than {@link #LOCAL_RETRIES} are workflow timers, so a long
   * outage does not hold a workflow task open. Only errors no retry can fix fail at once.
   */
  static final LocalActivityOptions RECORD_OPTIONS =
      LocalActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setScheduleToCloseTimeout(Duration.ofDays(3650))
          .setLocalRetryThreshold(LOCAL_RETRIES)
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofMillis(200))
                  .setBackoffCoefficient(2.0)
                  .setMaximumInterval(Duration.ofSeconds(30))
                  .setDoNotRetry(
                      "io.temporal.common.converter.DataConverterException",
                      IllegalArgumentException.class.getName(),
                      NullPointerException.class.getName())
                  .build())
          .build();

  private final String runId;
  private final RunRecordActivity record;
  private final boolean writeAhead;
  private final List<RunEvent> pending = new ArrayList<>();
  private long seq;

  /** Fires {@link #RECORD_LAG} after the oldest unwritten transition (batching by lag only). */
  private Promise<Void> recordDue;

  RunJournal(String runId) {
    this.runId = runId;
    this.record = Workflow.newLocalActivityStub(RunRecordActivity.class, RECORD_OPTIONS);
    this.writeAhead = Workflow.getVersion(WRITE_AHEAD, Workflow.DEFAULT_VERSION, 1) >= 1;
  }

  void runEvent(RunEventType type, String message) {
    pending.add(
        new RunEvent(runId, ++seq, type, WorkflowTime.now(), null, null, null, 0, message, null));
  }

  void runEvent(RunEventType type, String message, Object detail) {
    pending.add(
        new RunEvent(runId, ++seq, type, WorkflowTime.now(), null, null, null, 0, message, detail));
  }

  /** An event of an undo step, which is no step of the plan's stages. */
  void undoEvent(
      RunEventType type,
      dev.lifeboat.runbook.Step undo,
      int attempt,
      String message,
      Object detail) {
    pending.add(
        new RunEvent(
            runId,
            ++seq,
            type,
            WorkflowTime.now(),
            Cleanup.STAGE,
            undo.id(),
            undo.kindName(),
            attempt,
            message,
            detail));
  }

  void stepEvent(RunEventType type, StepState step, String message, Object detail) {
    pending.add(
        new RunEvent(
            runId,
            ++seq,
            type,
            WorkflowTime.now(),
            step.stage(),
            step.stepId(),
            step.kind(),
            step.attempt(),
            message,
            detail));
  }

  /** A precheck's check of one step, or of a step's undo (in no stage of the plan). */
  void checkEvent(String stage, dev.lifeboat.runbook.Step step, String message, Object detail) {
    pending.add(
        new RunEvent(
            runId,
            ++seq,
            RunEventType.PRECHECK_CHECK,
            WorkflowTime.now(),
            stage,
            step.id(),
            step.kindName(),
            0,
            message,
            detail));
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Lands everything buffered (run.started, the stage's starts) before the stage is scheduled. */
  void writeAhead() {
    if (writeAhead) {
      flush();
    }
  }

  /**
   * Waits until {@code done}, writing each transition that arrives meanwhile (a step's end while
   * its siblings still run). What arrives last stays buffered for the next {@link #writeAhead()} or
   * the run's end, so a stage costs one write.
   */
  void keepUpUntil(Functions.Func<Boolean> done) {
    if (!writeAhead) {
      keepUpByLag(done);
      return;
    }
    while (!done.apply()) {
      Workflow.await(() -> done.apply() || hasPending());
      if (!done.apply()) {
        flush();
      }
    }
  }

  /** Batching by lag, as runs recorded before write-ahead did (their replay needs it). */
  private void keepUpByLag(Functions.Func<Boolean> done) {
    while (!done.apply()) {
      if (recordDue == null && hasPending()) {
        recordDue = Workflow.newTimer(RECORD_LAG);
      }
      Promise<Void> due = recordDue;
      Workflow.await(() -> done.apply() || (due == null ? hasPending() : due.isCompleted()));
      if (due != null && due.isCompleted()) {
        recordDue = null;
        flush();
      }
    }
  }

  /**
   * Writes every buffered event in one call. Events that step callbacks add while the write is in
   * flight stay buffered for the next one; a failed write keeps them all, to be written again.
   */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    List<RunEvent> batch = List.copyOf(pending);
    record.recordEvents(new RecordEventsRequest(runId, batch));
    pending.subList(0, batch.size()).clear();
  }
}
