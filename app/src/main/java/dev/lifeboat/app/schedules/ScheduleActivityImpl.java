package dev.lifeboat.app.schedules;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.runs.LaunchRequest;
import dev.lifeboat.app.runs.RunLauncher;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.schedule.FireRequest;
import dev.lifeboat.workflow.schedule.FireResult;
import dev.lifeboat.workflow.schedule.RunProgress;
import dev.lifeboat.workflow.schedule.RunRef;
import dev.lifeboat.workflow.schedule.ScheduleActivity;
import dev.lifeboat.workflow.schedule.SkipRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Fires through the app's own launch path ({@link RunLauncher}): the same record row and validation
 * as an API launch, launcher {@code schedule:<id>}. The run id is derived from the schedule, fire
 * time and kind, so a retried fire finds its run instead of launching another.
 */
public final class ScheduleActivityImpl implements ScheduleActivity {
  private final ScheduleDao schedules;
  private final RunDao runs;
  private final RunLauncher launcher;
  private final ObjectMapper json;
  private final Clock clock;

  public ScheduleActivityImpl(
      ScheduleDao schedules, RunDao runs, RunLauncher launcher, ObjectMapper json, Clock clock) {
    this.schedules = schedules;
    this.runs = runs;
    this.launcher = launcher;
    this.json = json;
    this.clock = clock;
  }

  /** Who launches a schedule's runs, as the record names it. */
  public static String launcherOf(String scheduleId) {
    return "schedule:" + scheduleId;
  }

  @Override
  public FireResult fire(FireRequest request) {
    Optional<ScheduleRow> found = schedules.find(request.scheduleId()).filter(ScheduleRow::live);
    if (found.isEmpty()) {
      return new FireResult(null, "schedule " + request.scheduleId() + " is deleted");
    }
    ScheduleRow schedule = found.get();
    Instant fireAt = Instant.ofEpochMilli(request.fireMillis());
    String type = request.kind().eventType();
    Optional<ScheduleEventRow> recorded = schedules.fire(schedule.id(), type, fireAt);
    if (recorded.isPresent()) {
      return new FireResult(recorded.get().runId(), null);
    }
    String runId = runId(request);
    if (runs.find(runId).isEmpty()) {
      try {
        launcher.launch(
            new LaunchRequest(
                schedule.plan(),
                RunMode.fromApiName(schedule.mode()).orElseThrow(),
                ScheduleParams.read(json, schedule.params()),
                launcherOf(schedule.id()),
                runId));
      } catch (Refusal refusal) {
        if (refusal.kind() != Refusal.Kind.UNAVAILABLE) {
          String why = "the launch was refused: " + refusal.getMessage() + details(refusal);
          skip(new SkipRequest(schedule.id(), request.fireMillis(), request.kind(), why));
          return new FireResult(null, why);
        }
        if (runs.find(runId).isEmpty()) {
          throw refusal; // the record is out: retried, so the fire is not lost
        }
        // Recorded, then closed as failed because Temporal refused it: the fire made that run.
      }
    }
    schedules.append(
        new ScheduleEventRow(
            0, schedule.id(), type, clock.instant(), request.requestedBy(), fireAt, runId, null));
    return new FireResult(runId, null);
  }

  private static String details(Refusal refusal) {
    return refusal.details().isEmpty() ? "" : " (" + String.join("; ", refusal.details()) + ")";
  }

  /** One run per schedule, fire time and kind. */
  static String runId(FireRequest request) {
    String occasion =
        launcherOf(request.scheduleId())
            + "@"
            + request.fireMillis()
            + "/"
            + request.kind().apiName();
    return UUID.nameUUIDFromBytes(occasion.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public RunProgress progress(RunRef run) {
    return new RunProgress(
        runs.find(run.runId()).map(row -> row.status().isTerminal()).orElse(true));
  }

  @Override
  public RunProgress cancel(RunRef run) {
    if (!progress(run).ended()) {
      try {
        launcher.cancel(run.runId(), launcherOf(run.scheduleId()));
      } catch (Refusal ended) {
        // It ended (or lost its workflow) between the look and the cancel: nothing to stop.
      }
    }
    return progress(run);
  }

  @Override
  public RunProgress skip(SkipRequest request) {
    schedules.append(
        new ScheduleEventRow(
            0,
            request.scheduleId(),
            "skipped",
            clock.instant(),
            launcherOf(request.scheduleId()),
            Instant.ofEpochMilli(request.fireMillis()),
            null,
            request.reason()));
    return new RunProgress(true);
  }
}
