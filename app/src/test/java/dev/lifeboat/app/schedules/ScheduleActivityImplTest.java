package dev.lifeboat.app.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.runs.FakeRunLauncher;
import dev.lifeboat.app.runs.LaunchRequest;
import dev.lifeboat.app.runs.RunLauncher;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.schedule.FireKind;
import dev.lifeboat.workflow.schedule.FireRequest;
import dev.lifeboat.workflow.schedule.FireResult;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fires on a real record: once per schedule and fire time, whatever is retried. */
class ScheduleActivityImplTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final Instant AT = Instant.parse("2026-12-07T08:00:00Z");

  final ObjectMapper json = new ObjectMapper();
  ScheduleDao schedules;
  RunDao runs;
  FakeRunLauncher launcher;

  @BeforeEach
  void record() {
    TestRecord record = TestRecord.create(pg, "lifeboat_schedule_activity");
    schedules = record.jdbi().onDemand(ScheduleDao.class);
    runs = record.jdbi().onDemand(RunDao.class);
    launcher = new FakeRunLauncher(runs);
    schedules.create(
        new ScheduleRow(
            "s1",
            "quick",
            "drill",
            "0 9 * * 1",
            "Europe/Berlin",
            "{\"size\": \"small\"}",
            "skip",
            false,
            "dba",
            "alice",
            AT.minusSeconds(3600),
            null,
            null));
  }

  ScheduleActivityImpl activity(RunLauncher launcher) {
    return new ScheduleActivityImpl(schedules, runs, launcher, json, Clock.systemUTC());
  }

  List<String> types() {
    return schedules.events("s1").stream().map(ScheduleEventRow::type).toList();
  }

  @Test
  void launchesOnceAsTheScheduleHoweverOftenTheFireIsRetried() {
    FireRequest fire = new FireRequest("s1", AT.toEpochMilli(), FireKind.SCHEDULED, "schedule:s1");

    FireResult first = activity(launcher).fire(fire);
    FireResult retried = activity(launcher).fire(fire);

    assertThat(retried.runId()).isEqualTo(first.runId());
    assertThat(launcher.launches())
        .containsExactly(
            new LaunchRequest(
                "quick", RunMode.DRILL, Map.of("size", "small"), "schedule:s1", first.runId()));
    assertThat(types()).containsExactly("created", "fired");
    assertThat(schedules.events("s1").get(1).fireAt()).isEqualTo(AT);
  }

  @Test
  void aRetryAfterTheRunWasRecordedButNotTheFireFindsTheRun() {
    FireRequest fire = new FireRequest("s1", AT.toEpochMilli(), FireKind.LATE, "schedule:s1");
    String runId = ScheduleActivityImpl.runId(fire);
    launcher.launch(new LaunchRequest("quick", RunMode.DRILL, Map.of(), "schedule:s1", runId));

    FireResult result = activity(launcher).fire(fire);

    assertThat(result.runId()).isEqualTo(runId);
    assertThat(launcher.launches()).as("no second launch").hasSize(1);
    assertThat(types()).containsExactly("created", "late_fired");
  }

  @Test
  void aLaunchThePlanRefusesIsRecordedAsASkippedFire() {
    RunLauncher refusing =
        new RunLauncher() {
          @Override
          public RunRow launch(LaunchRequest request) {
            throw Refusal.invalid(
                "invalid_launch",
                "the run cannot start with these values",
                List.of("params.size: unknown parameter"));
          }

          @Override
          public void cancel(String runId, String requestedBy) {}
        };

    FireResult result =
        activity(refusing)
            .fire(new FireRequest("s1", AT.toEpochMilli(), FireKind.SCHEDULED, "schedule:s1"));

    assertThat(result.launched()).isFalse();
    assertThat(types()).containsExactly("created", "skipped");
    assertThat(schedules.events("s1").get(1).message())
        .contains("the run cannot start with these values", "params.size: unknown parameter");
  }
}
