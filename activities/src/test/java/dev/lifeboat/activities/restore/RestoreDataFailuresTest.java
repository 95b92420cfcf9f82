package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.DumpFiles;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which restore failures are retried: those the next attempt would meet again (a damaged dump, bad
 * SQL, a missing privilege) fail at once; a server that cannot be reached is retried.
 */
class RestoreDataFailuresTest {
  /** A login on the test server without the right to create databases. */
  private static final String WEAK_USER =
      "lb_test_weak_" + UUID.randomUUID().toString().substring(0, 8);

  private static final TestPostgres sourcePg = new TestPostgres();
  private static String source;

  private final TestPostgres pg = new TestPostgres();
  private TestActivityEnvironment env;
  private RestoreDataActivity activity;

  @TempDir Path dir;

  @BeforeAll
  static void createSourceAndWeakUser() {
    // Enough rows that the data blocks dwarf the table of contents and are compressed.
    source = sourcePg.createDatabaseWithOrders("failures_src", 50_000);
    sourcePg.execute("postgres", "CREATE ROLE " + WEAK_USER + " LOGIN");
  }

  @AfterAll
  static void dropSourceAndWeakUser() {
    sourcePg.execute("postgres", "DROP ROLE IF EXISTS " + WEAK_USER);
    sourcePg.close();
  }

  @BeforeEach
  void startActivityEnvironment() throws IOException {
    PostgresServer main = TestPostgres.server();
    var servers =
        new ConfiguredPostgresServers(
            Map.of(
                "main", main,
                "weak", new PostgresServer(main.host(), main.port(), WEAK_USER, "", "postgres"),
                "down", new PostgresServer("127.0.0.1", FreePorts.next(), "postgres", "", "x")));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new RestoreDataActivityImpl(servers, PgTools.in(Path.of("/usr/bin")), Clock.systemUTC()));
    activity =
        env.newActivityStub(
            RestoreDataActivity.class, SingleAttempt.within(Duration.ofSeconds(60)).build());
  }

  @AfterEach
  void cleanUp() {
    env.close();
    pg.close();
  }

  private ApplicationFailure restoreFails(Path dump, String server, String database) {
    return failureOf(
        () ->
            activity.restoreData(
                new RestoreDataRequest(dump.toString(), server, database, RestoreFormat.AUTO)));
  }

  @Test
  void aDumpDamagedInTheMiddleFailsAtOnce() throws IOException {
    Path dump = DumpFiles.flipBytesInTheMiddle(sourcePg.dump(source, "c", dir.resolve("bad.dump")));
    String target = pg.newDatabaseName("damaged");

    ApplicationFailure failure = restoreFails(dump, "main", target);

    assertThat(failure.getType()).isEqualTo(StepFailureType.TOOL_FAILED.type());
    assertThat(failure.isNonRetryable()).as("the same bytes fail every attempt alike").isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("pg_restore exited with 1 restoring " + dump)
        .contains("nothing was committed: pg_restore: error: ");
    assertThat(pg.queryText(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
        .as("the failed restore leaves no table behind")
        .isEqualTo("0");
  }

  @Test
  void aScriptWithInvalidSqlFailsAtOnceNamingItsSqlstate() throws IOException {
    Path script = dir.resolve("typo.sql");
    Files.writeString(
        script,
        "--\n-- PostgreSQL database dump\n--\nCREAT TABLE orders (id int);\n"
            + "--\n-- PostgreSQL database dump complete\n--\n");

    ApplicationFailure failure = restoreFails(script, "main", pg.newDatabaseName("typo"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.TOOL_FAILED.type());
    assertThat(failure.isNonRetryable()).as("SQLSTATE class 42: the script is wrong").isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("psql exited with 3 restoring " + script)
        .contains("ERROR:  42601: syntax error at or near \"CREAT\"");
  }

  @Test
  void aUserThatMayNotCreateTheDatabaseIsBadConfiguration() {
    Path dump = sourcePg.dump(source, "c", dir.resolve("app.dump"));
    String target = pg.newDatabaseName("weak");

    ApplicationFailure failure = restoreFails(dump, "weak", target);

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).as("SQLSTATE 42501: a grant is missing").isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("creating database " + target, "permission denied to create database");
  }

  @Test
  void aServerThatCannotBeReachedIsRetried() {
    Path dump = sourcePg.dump(source, "c", dir.resolve("later.dump"));

    ApplicationFailure failure = restoreFails(dump, "down", pg.newDatabaseName("down"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.isNonRetryable())
        .as("the server may be back for the next attempt")
        .isFalse();
  }
}
