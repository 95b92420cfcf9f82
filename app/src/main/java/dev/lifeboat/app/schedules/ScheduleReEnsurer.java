package dev.lifeboat.app.schedules;

import dev.lifeboat.workflow.schedule.CronSpec;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, starts the scheduler of every live schedule from the record: the embedded Temporal
 * keeps nothing across restarts. The latest fire missed while Lifeboat was down is launched once,
 * as late, when it is within the catch-up window, else recorded as skipped; older misses pass. A
 * scheduler still running (a Temporal cluster that kept it) is left as it is.
 */
public final class ScheduleReEnsurer implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleReEnsurer.class);

  private final ScheduleDao schedules;
  private final ScheduleWorkflows workflows;
  private final Duration catchUp;
  private final Clock clock;

  public ScheduleReEnsurer(
      ScheduleDao schedules, ScheduleWorkflows workflows, Duration catchUp, Clock clock) {
    this.schedules = schedules;
    this.workflows = workflows;
    this.catchUp = catchUp;
    this.clock = clock;
  }

  @Override
  public void start() {
    for (ScheduleRow schedule : schedules.live()) {
      Instant now = clock.instant();
      Optional<Instant> missed = schedule.paused() ? Optional.empty() : missed(schedule, now);
      Instant late = missed.filter(at -> !at.isBefore(now.minus(catchUp))).orElse(null);
      if (missed.isPresent() && late == null) {
        ScheduleEventRow skipped =
            new ScheduleEventRow(
                0,
                schedule.id(),
                "skipped",
                now,
                ScheduleActivityImpl.launcherOf(schedule.id()),
                missed.get(),
                null,
                "missed while Lifeboat was down, longer ago than the catch-up window ("
                    + catchUp
                    + ")");
        schedules.append(skipped);
      }
      boolean started =
          workflows.ensure(schedule, now, late, schedules.lastRunId(schedule.id()).orElse(null));
      LOG.info(
          "schedule {} ({} {}): scheduler {}{}",
          schedule.id(),
          schedule.plan(),
          schedule.mode(),
          started ? "started" : "already running",
          started && late != null ? ", launching the fire of " + late + " late" : "");
    }
  }

  /** The latest fire time at or before now that the record does not hold, if any. */
  private Optional<Instant> missed(ScheduleRow schedule, Instant now) {
    Instant since = schedules.lastFireAt(schedule.id()).orElse(schedule.createdAt());
    return new CronSpec(schedule.cron(), schedule.zone())
        .lastAtOrBefore(now)
        .filter(at -> at.isAfter(since));
  }
}
