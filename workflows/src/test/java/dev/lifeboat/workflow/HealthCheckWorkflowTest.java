package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.health.HealthCheckActivityImpl;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.RunbookParser;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Health checks parsed and resolved as the app does, run by the real workflow on Temporal's test
 * server with the real activity against the real PostgreSQL: launch values reach it as data only,
 * and an until_healthy window bounds the step however many retries its policy allows.
 */
class HealthCheckWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String database;

  private WorkflowClient client;
  private String taskQueue;

  @BeforeAll
  static void createDatabase() {
    database = pg.createDatabase("hostile");
    pg.execute(database, "CREATE TABLE victim (note text)", "INSERT INTO victim VALUES ('safe')");
  }

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    var servers = new ConfiguredPostgresServers(Map.of("main", TestPostgres.server()));
    worker.registerActivitiesImplementations(
        new HealthCheckActivityImpl(servers, HttpClient.newHttpClient(), Clock.systemUTC()),
        new FakeRunRecordActivity());
    env.start();
    client = env.getWorkflowClient();
    taskQueue = worker.getTaskQueue();
  }

  private RunState run(String runId, String text, Map<String, String> params) {
    ParseResult resolved =
        new RunbookParser(Set.of(), Set.of("main"))
            .resolve("check.yml", text, new RunBindings(runId, "drill", "alice", params));
    assertThat(resolved.problems()).as("the plan resolves").isEmpty();
    RunbookWorkflow workflow =
        client.newWorkflowStub(
            RunbookWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(runId).build());
    return workflow.run(
        new RunInput(
            runId, resolved.runbook().orElseThrow(), RunMode.DRILL, resolved.params(), "alice"));
  }

  private static String plan(String step) {
    return """
        name: check
        title: Checks
        owner: dba
        objectives: {rto: 15m, rpo: 1h}
        params:
          note: {type: string, required: true}
        stages:
          - name: check
            steps:
              - id: probe
                kind: health-check
        """
        + step;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'; drop table victim; --",
        "note; drop table victim; --",
        "safe' or '1'='1",
        "\\'; drop table victim; --",
        "$$; drop table victim; $$",
        "*/ drop table victim; /*",
        "ʼ; drop table victim; --",
      })
  void aHostileLaunchValueIsComparedAsDataAndRunsNothing(String hostile) {
    RunState state =
        run(
            "hostile-" + Integer.toHexString(hostile.hashCode()),
            plan(
                "        sql:\n"
                    + "          server: main\n"
                    + "          database: "
                    + database
                    + "\n"
                    + "          query: select ${params.note} || '|' || count(*) from victim"
                    + " where note <> ${params.note}\n"
                    + "          expect: ${params.note}|1\n"),
            Map.of("note", hostile));

    assertThat(state.status())
        .as("the value came back as it was sent: %s", state.steps())
        .isEqualTo(RunStatus.SUCCEEDED);
    assertThat(pg.queryText(database, "select string_agg(note, ',') from victim"))
        .as("the table is still there, unchanged")
        .isEqualTo("safe");
  }

  @Test
  void aResultIsComparedWithItsSourceQueryOnAnotherDatabase() {
    String restored = pg.createDatabase("restored");
    pg.execute(restored, "CREATE TABLE victim (note text)", "INSERT INTO victim VALUES ('safe')");

    RunState state =
        run(
            "same-as",
            plan(
                "        sql:\n"
                    + "          server: main\n"
                    + "          database: "
                    + restored
                    + "\n"
                    + "          query: select count(*) from victim where note <> ${params.note}\n"
                    + "          expect_same_as:\n"
                    + "            server: main\n"
                    + "            database: "
                    + database
                    + "\n"
                    + "            query: select count(*) + 1 from victim where note <> ${params.note}\n"
                    + "          tolerance: 1\n"),
            Map.of("note", "'; drop table victim; --"));

    assertThat(state.status()).as("%s", state.steps()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(state.steps().get(0).summary())
        .startsWith("select count(*) from victim where note <> $1 on main/" + restored)
        .contains(": healthy (1)");
  }

  @Test
  void aFailingCheckEndsWithinItsWindowWhateverTheRetries() {
    int closed = FreePorts.next();
    long started = System.nanoTime();

    RunState state =
        run(
            "window",
            plan(
                "        tcp: {host: 127.0.0.1, port: "
                    + closed
                    + ", connect_timeout: 200ms}\n"
                    + "        until_healthy: 2s\n"
                    + "        poll_interval: 100ms\n"
                    + "        timeout: 1m\n"
                    + "        retry: {attempts: 3, initial_interval: 1s, backoff: 2.0}\n"),
            Map.of("note", "unused"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(state.steps().get(0).summary())
        .startsWith("TCP 127.0.0.1:" + closed + ": connection refused after ")
        .endsWith(" over 2s");
    assertThat(took)
        .as(
            "a 2s window is the step's promise; restarting it on each of 3 attempts took 2s + 1s"
                + " + 2s + 2s + 2s = 9s before")
        .isLessThan(Duration.ofSeconds(5));
  }
}
