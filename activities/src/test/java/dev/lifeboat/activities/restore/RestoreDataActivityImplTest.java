package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.process.ToolRunner;
import dev.lifeboat.activities.ssh.RemoteHosts;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RestoreDataActivityImplTest {
  private static final int ROWS = 1000;
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String source;

  private final List<RestoreProgress> heartbeats = new CopyOnWriteArrayList<>();
  private TestActivityEnvironment env;
  private RestoreDataActivity activity;

  @TempDir Path dir;

  @BeforeAll
  static void createSourceDatabase() {
    source = pg.createDatabaseWithOrders("restore_src", ROWS);
  }

  @BeforeEach
  void startActivityEnvironment() {
    env = TestActivityEnvironment.newInstance();
    var servers = new ConfiguredPostgresServers(Map.of("main", TestPostgres.server()));
    // Ticks every 50ms instead of 2s so even a short restore heartbeats.
    var runner = new ToolRunner(Duration.ofMillis(50), 64 * 1024);
    env.registerActivitiesImplementations(
        new RestoreDataActivityImpl(
            servers,
            PgTools.in(Path.of("/usr/bin")),
            Clock.systemUTC(),
            RemoteHosts.none(),
            runner));
    env.setActivityHeartbeatListener(RestoreProgress.class, heartbeats::add);
    activity =
        env.newActivityStub(
            RestoreDataActivity.class,
            SingleAttempt.within(Duration.ofSeconds(60))
                .setHeartbeatTimeout(Duration.ofSeconds(5))
                .build());
  }

  @AfterEach
  void cleanUp() {
    env.close();
  }

  private RestoreDataResult restore(Path dump, String database) {
    return activity.restoreData(
        new RestoreDataRequest(dump.toString(), "main", database, RestoreFormat.AUTO));
  }

  private String orderCount(String database) {
    return pg.queryText(database, "SELECT count(*) FROM orders");
  }

  @Test
  void restoresCustomDumpIntoDatabaseItCreates() {
    Path dump = pg.dump(source, "c", dir.resolve("app.dump"));
    String target = pg.newDatabaseName("custom");

    RestoreDataResult result = restore(dump, target);

    assertThat(result.createdDatabase()).isTrue();
    assertThat(result.replacedExisting()).isFalse();
    assertThat(result.tool()).isEqualTo("pg_restore");
    assertThat(result.bytesRestored()).isEqualTo(dump.toFile().length());
    assertThat(orderCount(target)).as("rows restored into " + target).isEqualTo("1000");
    assertThat(result.summary()).contains("into " + target + " on main with pg_restore");
  }

  @Test
  void restoresPlainSqlDumpWithPsql() {
    Path dump = pg.dump(source, "p", dir.resolve("app.sql"));
    String target = pg.createDatabase("plain");

    RestoreDataResult result = restore(dump, target);

    assertThat(result.createdDatabase()).isFalse();
    assertThat(result.tool()).isEqualTo("psql");
    assertThat(orderCount(target)).isEqualTo("1000");
  }

  @Test
  void rerunningTheSameCustomRestoreChangesNothing() {
    Path dump = pg.dump(source, "c", dir.resolve("app.dump"));
    String target = pg.newDatabaseName("rerun_custom");
    restore(dump, target);

    RestoreDataResult again = restore(dump, target);

    assertThat(again.createdDatabase()).isFalse();
    assertThat(again.bytesRestored()).as("nothing should be restored the second time").isZero();
    assertThat(again.summary()).contains("already holds this dump");
    assertThat(orderCount(target)).as("a retried restore must not double rows").isEqualTo("1000");
  }

  @Test
  void rerunningTheSamePlainRestoreNeitherFailsNorDoublesRows() {
    Path dump = pg.dump(source, "p", dir.resolve("app.sql"));
    String target = pg.newDatabaseName("rerun_plain");
    restore(dump, target);

    RestoreDataResult again = restore(dump, target);

    assertThat(again.summary()).contains("already holds this dump");
    assertThat(orderCount(target)).as("a retried restore must not double rows").isEqualTo("1000");
  }

  @Test
  void archiveRestoreReplacesObjectsLeftInAnUnstampedTarget() {
    Path dump = pg.dump(source, "c", dir.resolve("app.dump"));
    String target = pg.createDatabaseWithOrders("replace", 5);

    RestoreDataResult result = restore(dump, target);

    assertThat(result.replacedExisting()).isTrue();
    assertThat(orderCount(target)).isEqualTo("1000");
  }

  @Test
  void refusesPlainSqlIntoNonEmptyUnstampedDatabase() {
    Path dump = pg.dump(source, "p", dir.resolve("app.sql"));
    String target = pg.createDatabaseWithOrders("occupied", 5);

    ApplicationFailure failure = failureOf(() -> restore(dump, target));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith(target + " on main already holds 1 tables, views or sequences; a plain SQL")
        .contains("would double or mix data");
    assertThat(orderCount(target)).as("the occupied database must be left alone").isEqualTo("5");
  }

  @Test
  void rejectsUnknownServerListingConfiguredOnes() {
    Path dump = pg.dump(source, "c", dir.resolve("app.dump"));

    ApplicationFailure failure =
        failureOf(
            () ->
                activity.restoreData(
                    new RestoreDataRequest(dump.toString(), "replica", "x", RestoreFormat.AUTO)));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("unknown server 'replica'; configured servers: main");
  }

  @Test
  void rejectsUnsafeDatabaseNameWithoutTouchingTheServer() {
    Path dump = pg.dump(source, "c", dir.resolve("app.dump"));

    ApplicationFailure failure =
        failureOf(() -> restore(dump, "app\"; DROP DATABASE postgres; --"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "database name 'app\"; DROP DATABASE postgres; --' is not allowed: use only letters,"
                + " digits, _ and -");
  }

  @Test
  void rejectsMissingDump() {
    Path missing = dir.resolve("gone.dump");

    ApplicationFailure failure = failureOf(() -> restore(missing, pg.newDatabaseName("missing")));

    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).isEqualTo("dump not found: " + missing);
  }

  @Test
  void corruptDumpFailsAsToolFailureAndLeavesNoPartialTables() throws IOException {
    String marked = pg.createDatabaseWithOrders("corrupt_src", 3);
    pg.execute(marked, "CREATE TABLE marker (n int)", "INSERT INTO marker VALUES (424242)");
    // Uncompressed so the data can be edited: an integer column gets a non-integer of the same
    // length, which pg_restore only discovers after it has created the tables.
    Path dump = pg.dump(marked, "c", dir.resolve("corrupt.dump"), "-Z", "0");
    byte[] bytes = Files.readAllBytes(dump);
    String latin = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(latin).as("the uncompressed dump should contain the marker row").contains("424242");
    Files.write(dump, latin.replace("424242", "42x242").getBytes(StandardCharsets.ISO_8859_1));
    String target = pg.newDatabaseName("corrupt");

    ApplicationFailure failure = failureOf(() -> restore(dump, target));

    assertThat(failure.getType()).isEqualTo(StepFailureType.TOOL_FAILED.type());
    assertThat(failure.isNonRetryable())
        .as("invalid data in the dump fails every attempt alike (SQLSTATE 22P02)")
        .isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("pg_restore exited with 1 restoring " + dump)
        .contains("invalid input syntax for type integer");
    assertThat(pg.queryText(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        .as("the failed restore must roll back every table it created")
        .isEqualTo("0");
  }

  @Test
  void heartbeatsProgressWhileTheToolRuns() throws IOException {
    Path script = dir.resolve("slow.sql");
    Files.writeString(script, "SELECT pg_sleep(0.5);\n");
    String target = pg.newDatabaseName("heartbeat");

    activity.restoreData(
        new RestoreDataRequest(script.toString(), "main", target, RestoreFormat.PLAIN));

    assertThat(heartbeats).as("heartbeats sent during a half-second psql run").isNotEmpty();
    assertThat(heartbeats.get(0).tool()).isEqualTo("psql");
  }

  @Test
  void cancellationKillsTheRunningTool() throws IOException {
    Path script = dir.resolve("endless.sql");
    Files.writeString(script, "SELECT pg_sleep(30);\n");
    String target = pg.newDatabaseName("cancel");
    env.setActivityHeartbeatListener(RestoreProgress.class, p -> env.requestCancelActivity());

    long started = System.nanoTime();
    Throwable thrown =
        catchThrowable(
            () ->
                activity.restoreData(
                    new RestoreDataRequest(
                        script.toString(), "main", target, RestoreFormat.PLAIN)));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(thrown).as("a cancelled restore must fail as cancelled").isNotNull();
    assertThat(thrown).isInstanceOf(CanceledFailure.class);
    assertThat(took)
        .as("cancellation should not wait for the 30s script")
        .isLessThan(Duration.ofSeconds(15));
    assertThat(ProcessHandle.allProcesses())
        .as("no psql may still run the cancelled script")
        .noneMatch(
            p ->
                p.info()
                    .arguments()
                    .map(a -> String.join(" ", a).contains(script.toString()))
                    .orElse(false));
  }
}
