package dev.lifeboat.app.compliance;

import dev.lifeboat.workflow.RunMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Port: when a schedule will next launch a run of a plan in a mode (issue 13.1 keeps schedules),
 * the earliest over all of the plan's unpaused schedules of that mode; empty when none will.
 */
public interface ScheduledFires {
  Optional<Instant> nextFire(String plan, RunMode mode);

  /** Whether schedules are kept at all: without them every owed mode is unscheduled. */
  default boolean tracked() {
    return true;
  }
}
