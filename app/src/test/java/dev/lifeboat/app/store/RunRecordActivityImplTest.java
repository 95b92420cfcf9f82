package dev.lifeboat.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.health.HealthCheck;
import dev.lifeboat.app.RestartablePostgres;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.health.RecordHealthCheck;
import dev.lifeboat.workflow.RecordEventsRequest;
import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The record activity on the service's own connection pool, against a PostgreSQL that goes away and
 * comes back: a write while it is away fails with an error the workflow retries (never an {@link
 * Error}, which Temporal treats as a worker bug), the {@code record} health check says so, and the
 * pool serves the retry once the database is back.
 */
class RunRecordActivityImplTest {
  static final String RUN = "33333333-3333-3333-3333-333333333333";

  RestartablePostgres postgres;
  DataSourceFactory database;
  ManagedDataSource pool;
  RunEventDao events;
  RecordWrites writes;
  RunRecordActivityImpl activity;
  RecordHealthCheck health;

  @BeforeEach
  void start() throws Exception {
    postgres = RestartablePostgres.started();
    database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl(postgres.url("postgres"));
    database.setUser("postgres");
    pool = database.build(new MetricRegistry(), "record");
    pool.start();
    Migrations.migrate(pool);
    Jdbi jdbi =
        Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new StateColumns());
    jdbi.onDemand(RunDao.class).insert(TestRuns.row(RUN, RunStatus.RUNNING));
    events = jdbi.onDemand(RunEventDao.class);
    writes = new RecordWrites(Clock.systemUTC());
    activity = new RunRecordActivityImpl(new RunStore(jdbi), Jackson.newObjectMapper(), writes);
    health = new RecordHealthCheck(writes);
  }

  @AfterEach
  void stop() throws Exception {
    pool.stop();
    postgres.close();
  }

  @Test
  void aWriteWhileTheDatabaseIsAwayFailsRetryablyAndLandsOnceItIsBack() {
    assertThat(health.execute().getMessage()).isEqualTo("no write needed yet");
    activity.recordEvents(request(1, "step-1"));
    assertThat(health.execute().isHealthy()).isTrue();

    postgres.stop();
    RecordEventsRequest whileAway = request(2, "step-2");
    for (int attempt = 1; attempt <= 3; attempt++) {
      Throwable failure = catchThrowable(() -> activity.recordEvents(whileAway));
      assertThat(failure)
          .as(
              "attempt %d with the database away: an exception the write's retry policy retries",
              attempt)
          .isInstanceOf(RuntimeException.class);
    }
    HealthCheck.Result failing = health.execute();
    assertThat(failing.isHealthy()).isFalse();
    assertThat(failing.getMessage())
        .startsWith("record writes failing since ")
        .contains("(3 failed attempts, last: PSQLException: ")
        .contains("runs wait at their next step and retry until a write lands")
        .as("the health message names the cause, never the statement and its values")
        .doesNotContain("insert into")
        .doesNotContain("step-2");

    postgres.start();
    int attempts = 0;
    Integer appended = null;
    while (appended == null && attempts <= database.getMinSize()) {
      attempts++;
      try {
        appended = activity.recordEvents(whileAway).appended();
      } catch (RuntimeException deadConnection) {
        // A pooled connection from before the restart; the pool drops it, as the workflow retries.
      }
    }
    assertThat(appended)
        .as("the retried write lands through the same pool once its dead connections are dropped")
        .isEqualTo(1);
    assertThat(activity.recordEvents(whileAway).appended()).as("and never twice").isZero();
    assertThat(events.forRun(RUN)).extracting(RunEventRow::seq).containsExactly(1L, 2L);
    HealthCheck.Result healthy = health.execute();
    assertThat(healthy.isHealthy()).isTrue();
    assertThat(healthy.getMessage()).startsWith("last write landed at ");
  }

  private static RecordEventsRequest request(long seq, String stepId) {
    return new RecordEventsRequest(
        RUN,
        List.of(
            new RunEvent(
                RUN,
                seq,
                RunEventType.STEP_STARTED,
                Instant.now(),
                "stage",
                stepId,
                "health-check",
                1,
                null,
                null)));
  }
}
