package dev.lifeboat.app.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.workflow.RunMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The compliance view's port: when a plan is next exercised in a mode by a schedule. */
class ScheduleStoreTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z"); // a Wednesday

  @Test
  void theNextFireIsTheEarliestOfThePlansLiveUnpausedSchedulesInThatMode() {
    ScheduleDao schedules =
        TestRecord.create(pg, "lifeboat_schedule_store").jdbi().onDemand(ScheduleDao.class);
    schedules.create(row("weekly", "quick", "drill", "0 9 * * 1"));
    schedules.create(row("daily-paused", "quick", "drill", "0 13 * * *"));
    schedules.setPaused("daily-paused", true, "alice", NOW);
    schedules.create(row("daily-tabletop", "quick", "tabletop", "0 13 * * *"));
    schedules.create(row("gone", "quick", "drill", "0 12 * * *"));
    schedules.markDeleted("gone", "alice", NOW);
    ScheduleStore store = new ScheduleStore(schedules, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(store.nextFire("quick", RunMode.DRILL))
        .as("Monday 09:00; the paused and the deleted daily drills do not count")
        .hasValue(Instant.parse("2026-12-07T09:00:00Z"));
    assertThat(store.nextFire("quick", RunMode.TABLETOP))
        .hasValue(Instant.parse("2026-12-02T13:00:00Z"));
    assertThat(store.nextFire("other", RunMode.DRILL)).isEmpty();
  }

  static ScheduleRow row(String id, String plan, String mode, String cron) {
    return new ScheduleRow(
        id,
        plan,
        mode,
        cron,
        "UTC",
        "{}",
        "skip",
        false,
        "dba",
        "alice",
        NOW.minusSeconds(60),
        null,
        null);
  }
}
