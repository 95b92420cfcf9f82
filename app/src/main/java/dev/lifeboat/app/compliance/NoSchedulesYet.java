package dev.lifeboat.app.compliance;

import dev.lifeboat.workflow.RunMode;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@link ScheduledFires} answers while Lifeboat keeps no schedules: nothing will fire, so
 * every mode a plan owes is {@code unscheduled}, which is the truth until schedules exist.
 */
public final class NoSchedulesYet implements ScheduledFires {
  @Override
  public Optional<Instant> nextFire(String plan, RunMode mode) {
    return Optional.empty();
  }

  @Override
  public boolean tracked() {
    return false;
  }
}
