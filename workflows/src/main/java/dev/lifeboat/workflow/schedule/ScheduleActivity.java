package dev.lifeboat.workflow.schedule;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What a scheduler workflow asks of Lifeboat's record and launcher. Every method is idempotent: a
 * retry after a crash neither launches twice nor records twice.
 */
@ActivityInterface
public interface ScheduleActivity {
  /**
   * Launches the schedule's plan through the same path as an API launch (same validation, same
   * record), with launcher {@code schedule:<id>}, and records the fire. One run per schedule, fire
   * time and kind: a retry finds the run it launched. A launch the plan refuses (plan gone, values
   * no longer accepted, a conflicting run) is recorded as a skipped fire, never retried.
   */
  @ActivityMethod
  FireResult fire(FireRequest request);

  /** Whether the run has ended. */
  @ActivityMethod
  RunProgress progress(RunRef run);

  /** Asks the run to stop, recorded as asked by {@code schedule:<id>}; a no-op once it ended. */
  @ActivityMethod
  RunProgress cancel(RunRef run);

  /** Records a fire that launched nothing (overlap policy {@code skip}). */
  @ActivityMethod
  RunProgress skip(SkipRequest request);
}
