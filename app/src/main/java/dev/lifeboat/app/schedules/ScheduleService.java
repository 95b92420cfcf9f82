package dev.lifeboat.app.schedules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.runs.LaunchCheck;
import dev.lifeboat.app.runs.LaunchRequest;
import dev.lifeboat.workflow.schedule.CronSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Makes and changes schedules: each change is recorded (row and event in one transaction) before
 * the scheduler workflow is told. A refused request records nothing.
 */
public final class ScheduleService {
  private final ScheduleDao schedules;
  private final LaunchCheck launches;
  private final ScheduleWorkflows workflows;
  private final ObjectMapper json;
  private final Clock clock;

  public ScheduleService(
      ScheduleDao schedules,
      LaunchCheck launches,
      ScheduleWorkflows workflows,
      ObjectMapper json,
      Clock clock) {
    this.schedules = schedules;
    this.launches = launches;
    this.workflows = workflows;
    this.json = json;
    this.clock = clock;
  }

  public ScheduleRow create(NewSchedule draft, String caller) {
    if (draft.mode().requiresRecoveryRole()) {
      throw Refusal.invalid(
          "recovery_not_schedulable",
          "a recovery is never scheduled; schedule a tabletop or a drill",
          List.of());
    }
    try {
      CronSpec.zoneOf(draft.zone());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("unknown_zone", e.getMessage(), List.of());
    }
    Instant now = clock.instant();
    try {
      if (new CronSpec(draft.cron(), draft.zone()).next(now).isEmpty()) {
        throw new IllegalArgumentException("cron: '" + draft.cron() + "' never fires again");
      }
    } catch (IllegalArgumentException e) {
      throw Refusal.invalid("invalid_cron", e.getMessage(), List.of());
    }
    String id = UUID.randomUUID().toString();
    try {
      launches.check(
          new LaunchRequest(
              draft.plan(), draft.mode(), draft.params(), ScheduleActivityImpl.launcherOf(id)));
    } catch (Refusal refusal) {
      throw refusal.kind() == Refusal.Kind.NOT_FOUND
          ? Refusal.invalid(refusal.code(), refusal.getMessage(), refusal.details())
          : refusal;
    }
    ScheduleRow row =
        new ScheduleRow(
            id,
            draft.plan(),
            draft.mode().apiName(),
            draft.cron().trim(),
            draft.zone(),
            ScheduleParams.write(json, draft.params()),
            draft.overlap().apiName(),
            false,
            draft.owner() == null ? caller : draft.owner(),
            caller,
            now,
            null,
            null);
    schedules.create(row);
    workflows.ensure(row, now, null, null);
    return row;
  }

  public ScheduleRow pause(String id, String caller) {
    return setPaused(id, true, caller);
  }

  public ScheduleRow resume(String id, String caller) {
    return setPaused(id, false, caller);
  }

  private ScheduleRow setPaused(String id, boolean paused, String caller) {
    ScheduleRow schedule = live(id);
    if (schedule.paused() == paused) {
      throw Refusal.conflict(
          paused ? "already_paused" : "not_paused",
          "schedule " + id + (paused ? " is already paused" : " is not paused"));
    }
    schedules.setPaused(id, paused, caller, clock.instant());
    ScheduleRow changed = live(id);
    workflows.signal(changed, lastRun(id), paused ? "pause" : "resume");
    return changed;
  }

  /** Records the request, then asks the scheduler to fire now (its overlap policy applies). */
  public ScheduleRow runNow(String id, String caller) {
    ScheduleRow schedule = live(id);
    schedules.append(
        new ScheduleEventRow(0, id, "run_now", clock.instant(), caller, null, null, null));
    workflows.signal(schedule, lastRun(id), "runNow", caller);
    return schedule;
  }

  /** Records the deletion (the schedule and its history stay), then ends its scheduler. */
  public ScheduleRow delete(String id, String caller) {
    live(id);
    schedules.markDeleted(id, caller, clock.instant());
    workflows.delete(id);
    return schedules.find(id).orElseThrow();
  }

  /** The schedule, refused when unknown (404) or deleted (409). */
  public ScheduleRow live(String id) {
    ScheduleRow schedule =
        schedules
            .find(id)
            .orElseThrow(() -> Refusal.notFound("unknown_schedule", "no schedule with id " + id));
    if (!schedule.live()) {
      throw Refusal.conflict(
          "schedule_deleted",
          "schedule "
              + id
              + " was deleted by "
              + schedule.deletedBy()
              + " at "
              + schedule.deletedAt());
    }
    return schedule;
  }

  private String lastRun(String id) {
    return schedules.lastRunId(id).orElse(null);
  }
}
