package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.sql.SqlActivityImpl;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.RunbookParser;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sql steps parsed and resolved as the app does, run by the real workflow with the real activity on
 * the real PostgreSQL: a launch value is bound as data, a name from a reference is checked before
 * anything runs, and a drill's undo drops the database its restore made.
 */
class SqlStepWorkflowTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  private static final TestPostgres pg = new TestPostgres();
  private static String database;

  private WorkflowClient client;
  private String taskQueue;

  @BeforeAll
  static void createDatabase() {
    database = pg.createDatabase("sqlstep");
    pg.execute(database, "CREATE TABLE victim (note text)", "INSERT INTO victim VALUES ('safe')");
  }

  @AfterAll
  static void dropDatabase() {
    pg.close();
  }

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    var servers = new ConfiguredPostgresServers(Map.of("main", TestPostgres.server()));
    worker.registerActivitiesImplementations(
        new SqlActivityImpl(servers), new FakeRunRecordActivity());
    env.start();
    client = env.getWorkflowClient();
    taskQueue = worker.getTaskQueue();
  }

  private ParseResult resolve(String runId, String text, Map<String, String> params) {
    return new RunbookParser(Set.of(), Set.of("main"))
        .resolve("sql.yml", text, new RunBindings(runId, "drill", "alice", params));
  }

  private RunState run(String runId, String text, Map<String, String> params) {
    ParseResult resolved = resolve(runId, text, params);
    assertThat(resolved.problems()).as("the plan resolves").isEmpty();
    RunbookWorkflow workflow =
        client.newWorkflowStub(
            RunbookWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(runId).build());
    return workflow.run(
        new RunInput(
            runId, resolved.runbook().orElseThrow(), RunMode.DRILL, resolved.params(), "alice"));
  }

  private static String plan(String steps) {
    return """
        name: sql
        title: SQL
        owner: dba
        objectives: {rto: 15m, rpo: 1h}
        params:
          note: {type: string, required: true}
        stages:
          - name: work
            steps:
        """
        + steps;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'; drop table victim; --",
        "x\"); drop table victim; --",
        "$$; drop table victim; $$",
        "*/ drop table victim; /*",
      })
  void aHostileLaunchValueIsInsertedAsDataAndRunsNothing(String hostile) {
    RunState state =
        run(
            "sql-hostile-" + Integer.toHexString(hostile.hashCode()),
            plan(
                "      - id: insert\n"
                    + "        kind: sql\n"
                    + "        server: main\n"
                    + "        database: "
                    + database
                    + "\n"
                    + "        statement: insert into victim (note) values (${params.note})\n"),
            Map.of("note", hostile));

    assertThat(state.status()).as("%s", state.steps()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(state.steps().get(0).summary()).contains("(1 row)");
    assertThat(
            pg.queryText(
                database,
                "select count(*) from victim where note = '" + hostile.replace("'", "''") + "'"))
        .as("the value is a row of the table, which is still there")
        .isEqualTo("1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"x\" with (force); drop database victim; --", "a b", "x'y", ""})
  void aNameFromAHostileValueIsRefusedAtLaunch(String hostile) {
    ParseResult resolved =
        resolve(
            "sql-name",
            plan(
                "      - id: drop\n"
                    + "        kind: sql\n"
                    + "        server: main\n"
                    + "        statement: drop database if exists \"drill_${params.note}\"\n"),
            Map.of("note", hostile));

    assertThat(resolved.problems())
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.message())
                    .startsWith("${params.note} in a quoted name: name ")
                    .contains("use only letters, digits, _ and -"));
  }

  @Test
  void aDrillsUndoDropsTheDatabaseItsStepMade() {
    String scratch = pg.newDatabaseName("undo");
    RunState state =
        run(
            "sql-undo",
            plan(
                "      - id: make\n"
                    + "        kind: sql\n"
                    + "        server: main\n"
                    + "        statement: create database \"${params.note}\"\n"
                    + "        undo:\n"
                    + "          kind: sql\n"
                    + "          server: main\n"
                    + "          statement: drop database if exists \"${params.note}\" with (force)\n"),
            Map.of("note", scratch));

    assertThat(state.status()).as("%s", state.steps()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(state.cleanup().describe()).isEqualTo("complete");
    assertThat(pg.databaseExists(scratch)).as("the undo dropped " + scratch).isFalse();
  }
}
