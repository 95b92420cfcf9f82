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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which restore failures are retried: those the next attempt would meet again (a damaged dump, bad
 * SQL, a missing privilege) fail at once; a server that cannot be reached is retried.
 */
class RestoreDataFailuresTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String source;

  /** A login on the test server without the right to create databases. */
  private static String weakUser;

  private TestActivityEnvironment env;
  private RestoreDataActivity activity;

  @TempDir Path dir;

  @BeforeAll
  static void createSourceAndWeakUser() {
    // Enough rows that the data blocks dwarf the table of contents and are compressed.
    source = pg.createDatabaseWithOrders("failures_src", 50_000);
    weakUser = pg.createRole("weak");
  }

  @BeforeEach
  void startActivityEnvironment() throws IOException {
    PostgresServer main = TestPostgres.server();
    var servers =
        new ConfiguredPostgresServers(
            Map.of(
                "main", main,
                "weak", new PostgresServer(main.host(), main.port(), weakUser, "", "postgres"),
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
  }

  private ApplicationFailure restoreFails(Path dump, String server, String database) {
    return failureOf(
        () ->
            activity.restoreData(
                new RestoreDataRequest(dump.toString(), server, database, RestoreFormat.AUTO)));
  }

  @Test
  void aDumpDamagedInTheMiddleFailsAtOnce() throws IOException {
    Path dump = DumpFiles.flipBytesInTheMiddle(pg.dump(source, "c", dir.resolve("bad.dump")));
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
    Path dump = pg.dump(source, "c", dir.resolve("app.dump"));
    String target = pg.newDatabaseName("weak");

    ApplicationFailure failure = restoreFails(dump, "weak", target);

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).as("SQLSTATE 42501: a grant is missing").isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("creating database " + target, "permission denied to create database");
  }

  @Test
  void aServerThatCannotBeReachedIsRetried() {
    Path dump = pg.dump(source, "c", dir.resolve("later.dump"));

    ApplicationFailure failure = restoreFails(dump, "down", pg.newDatabaseName("down"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.isNonRetryable())
        .as("the server may be back for the next attempt")
        .isFalse();
  }
}
