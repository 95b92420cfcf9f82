package dev.lifeboat.app.schedules;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.schedule.CronSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the schedules will do, read from the record: the next fire times of a schedule, and (the
 * port for the compliance view) the next time a plan is exercised in a mode by any schedule.
 */
public final class ScheduleStore {
  private final ScheduleDao schedules;
  private final Clock clock;

  public ScheduleStore(ScheduleDao schedules, Clock clock) {
    this.schedules = schedules;
    this.clock = clock;
  }

  /** Up to {@code count} next fires of {@code schedule}; none while paused or deleted. */
  public List<Instant> nextFires(ScheduleRow schedule, int count) {
    if (schedule.paused() || !schedule.live()) {
      return List.of();
    }
    return new CronSpec(schedule.cron(), schedule.zone()).nextFires(clock.instant(), count);
  }

  /**
   * The next time any live, unpaused schedule of {@code plan} fires a run in {@code mode}; empty
   * when none will.
   */
  public Optional<Instant> nextFire(String plan, RunMode mode) {
    return schedules.live().stream()
        .filter(s -> s.plan().equals(plan) && s.mode().equals(mode.apiName()))
        .flatMap(s -> nextFires(s, 1).stream())
        .min(Comparator.naturalOrder());
  }
}
