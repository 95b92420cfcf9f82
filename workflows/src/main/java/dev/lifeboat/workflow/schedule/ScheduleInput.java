package dev.lifeboat.workflow.schedule;

import java.util.Objects;

/**
 * A scheduler workflow's input, and what it carries over to its next run when it continues as new.
 * Times are epoch milliseconds. Only ever add fields: running histories must still decode.
 *
 * @param afterMillis fires at or before this time are past: the next fire is strictly after it
 * @param lateFireMillis a fire missed while Lifeboat was down, launched first (as late); or null
 * @param lastRunId the run of the previous fire, against which the overlap policy is applied
 * @param firesPerRun fires after which the workflow continues as new, keeping its history short
 * @param pollMillis how often a queued or cancelling fire asks whether the previous run ended
 */
public record ScheduleInput(
    String scheduleId,
    String cron,
    String zone,
    OverlapPolicy overlap,
    boolean paused,
    long afterMillis,
    Long lateFireMillis,
    String lastRunId,
    int firesPerRun,
    long pollMillis) {
  public ScheduleInput {
    Objects.requireNonNull(scheduleId, "scheduleId");
    Objects.requireNonNull(overlap, "overlap");
    if (firesPerRun < 1) {
      throw new IllegalArgumentException("firesPerRun must be at least 1");
    }
    if (pollMillis < 1) {
      throw new IllegalArgumentException("pollMillis must be positive");
    }
  }

  public CronSpec spec() {
    return new CronSpec(cron, zone);
  }

  /** The workflow id of schedule {@code scheduleId}'s scheduler. */
  public static String workflowId(String scheduleId) {
    return "lifeboat-schedule-" + scheduleId;
  }
}
