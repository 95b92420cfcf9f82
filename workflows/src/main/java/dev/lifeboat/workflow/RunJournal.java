package dev.lifeboat.workflow;

import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's side of the record: numbers events 1, 2, 3… in the order the workflow sees the
 * transitions, buffers them, and writes the buffer through {@link RunRecordActivity} as one local
 * activity call when the workflow decides the record must catch up ({@link #flush()}, {@link
 * #flushIfDue}). Batching is what keeps the engine's overhead per step close to raw Temporal.
 *
 * <p>Holding events back loses nothing: they are derived deterministically from the workflow's
 * history, so a worker that dies before a write is replaced by one that replays the run and writes
 * the same events with the same numbers.
 */
final class RunJournal {
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
  private final List<RunEvent> pending = new ArrayList<>();
  private long seq;

  RunJournal(String runId) {
    this.runId = runId;
    this.record = Workflow.newLocalActivityStub(RunRecordActivity.class, RECORD_OPTIONS);
  }

  void runEvent(RunEventType type, String message) {
    pending.add(
        new RunEvent(runId, ++seq, type, WorkflowTime.now(), null, null, null, 0, message, null));
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

  boolean hasPending() {
    return !pending.isEmpty();
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
