package dev.lifeboat.workflow;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Writes run transitions to Lifeboat's record (PostgreSQL). Called as a local activity, so it is
 * cheap and ordered with the workflow's own progress. Idempotent by (run, seq): a retry appends
 * nothing twice. The event of a run transition also moves the run's status.
 */
@ActivityInterface
public interface RunRecordActivity {
  @ActivityMethod
  RecordEventsResult recordEvents(RecordEventsRequest request);
}
