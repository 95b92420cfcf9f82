package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.Tarballs;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.RecordingRemoteShell;
import dev.lifeboat.activities.ssh.RemoteCommand;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.RemoteProgress;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import dev.lifeboat.activities.ssh.SshSettings;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * restore-data with {@code host}: a real OpenSSH server on loopback stands for the host, so the
 * tarballs and dumps in a temp folder are "on the host", and the restores run there.
 */
class RestoreDataOnHostTest {
  /** Trust auth ignores it; it is here to prove it never reaches a command line. */
  static final String PASSWORD = "pg-Secret-4711";

  static final SshSettings QUICK = SshServerFixture.QUICK;

  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  static String source;

  final List<RemoteProgress> heartbeats = new CopyOnWriteArrayList<>();
  RecordingRemoteShell shell;
  TestActivityEnvironment env;
  RestoreDataActivity activity;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    source = pg.createDatabaseWithOrders("restore_remote_src", 1000);
  }

  @BeforeEach
  void startActivityEnvironment() {
    PostgresServer local = TestPostgres.server();
    PostgresServer withPassword =
        new PostgresServer(local.host(), local.port(), local.user(), PASSWORD, "postgres");
    shell = new RecordingRemoteShell(new JschRemoteShell(QUICK, Map.of()));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new RestoreDataActivityImpl(
            new ConfiguredPostgresServers(Map.of("main", withPassword)),
            PgTools.in(Path.of("/usr/bin")),
            Clock.systemUTC(),
            new RemoteHosts(new ConfiguredSshHosts(Map.of("test-sshd", sshd.host())), shell)));
    env.setActivityHeartbeatListener(RemoteProgress.class, heartbeats::add);
    activity =
        env.newActivityStub(
            RestoreDataActivity.class,
            SingleAttempt.within(Duration.ofSeconds(60))
                .setHeartbeatTimeout(Duration.ofSeconds(10))
                .build());
  }

  @AfterEach
  void cleanUp() {
    env.close();
  }

  @Nested
  class IntoADirectory {
    Path tarball;
    Path target;

    @BeforeEach
    void makeTarball() throws IOException {
      tarball =
          Tarballs.create(
              dir.resolve("site.tgz"),
              Map.of("index.html", "<h1>orders</h1>\n", "conf/app.properties", "port=8080\n"));
      target = dir.resolve("srv").resolve("site"); // its parent does not exist yet either
    }

    RestoreDataResult restoreFiles(Path from, Path to) {
      return activity.restoreData(
          new RestoreDataRequest(from.toString(), null, null, null, "test-sshd", to.toString()));
    }

    @Test
    void extractsTheTarballIntoTheDirectoryOnTheHost() throws IOException {
      RestoreDataResult result = restoreFiles(tarball, target);

      assertThat(Files.readString(target.resolve("index.html"))).isEqualTo("<h1>orders</h1>\n");
      assertThat(Files.readString(target.resolve("conf/app.properties"))).isEqualTo("port=8080\n");
      assertThat(Files.readString(target.resolve(".lifeboat-restore")))
          .as("the stamp names the tarball's sha256")
          .startsWith("lifeboat-restore sha256=");
      assertThat(dir.resolve("srv/.site.lifeboat-partial"))
          .as("the temporary sibling was renamed into place")
          .doesNotExist();
      assertThat(result.tool()).isEqualTo("tar");
      assertThat(result.bytesRestored()).isEqualTo(Files.size(tarball));
      assertThat(result.summary())
          .startsWith("extracted 4 entries of gzip tarball " + tarball)
          .contains("into " + target + " on host test-sshd with tar in ");
    }

    @Test
    void reRunningTheSameRestoreChangesNothing() throws IOException {
      restoreFiles(tarball, target);
      Files.writeString(target.resolve("index.html"), "edited after the restore\n");

      RestoreDataResult again = restoreFiles(tarball, target);

      assertThat(again.summary())
          .startsWith(target + " on host test-sshd already holds this tarball (sha256 ")
          .endsWith("stamped by an earlier restore); nothing extracted");
      assertThat(Files.readString(target.resolve("index.html")))
          .as("a no-op must not extract again")
          .isEqualTo("edited after the restore\n");
    }

    @Test
    void extractsIntoAnEmptyDirectory() throws IOException {
      Files.createDirectories(target);

      restoreFiles(tarball, target);

      assertThat(target.resolve("index.html")).exists();
    }

    @Test
    void refusesANonEmptyDirectoryWithoutItsStampAndLeavesItAlone() throws IOException {
      Files.createDirectories(target);
      Files.writeString(target.resolve("precious.txt"), "the only copy\n");

      ApplicationFailure failure = failureOf(() -> restoreFiles(tarball, target));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .isEqualTo(
              target
                  + " on host test-sshd is not empty (1 entries) and holds no Lifeboat restore;"
                  + " refusing to overwrite it. Restore into a new or empty directory, or move this"
                  + " one away first");
      assertThat(Files.readString(target.resolve("precious.txt"))).isEqualTo("the only copy\n");
      assertThat(target.resolve("index.html")).doesNotExist();
    }

    @Test
    void refusesADirectoryHoldingARestoreOfAnotherTarball() throws IOException {
      restoreFiles(tarball, target);
      Path newer = Tarballs.create(dir.resolve("newer.tar"), Map.of("index.html", "v2\n"));

      ApplicationFailure failure = failureOf(() -> restoreFiles(newer, target));

      assertThat(failure.getOriginalMessage())
          .startsWith(target + " on host test-sshd holds a restore of a different tarball;");
    }

    @Test
    void aFailedExtractLeavesNoHalfFilledTargetAndTheNextAttemptCleansUp() throws IOException {
      Path cut = Tarballs.truncated(dir.resolve("cut.tgz"));

      ApplicationFailure failure = failureOf(() -> restoreFiles(cut, target));

      assertThat(failure.getType()).isEqualTo(StepFailureType.TOOL_FAILED.type());
      assertThat(failure.isNonRetryable())
          .as("a truncated tarball stays truncated: retrying cannot help")
          .isTrue();
      assertThat(failure.getOriginalMessage())
          .startsWith("extracting " + cut + " on host test-sshd: exited with 2");
      assertThat(target).as("a failed extract never leaves a half-filled target").doesNotExist();

      restoreFiles(tarball, target);

      assertThat(target.resolve("index.html")).exists();
      assertThat(target.resolve("file0.txt"))
          .as("nothing of the failed attempt's leftover got into the target")
          .doesNotExist();
      assertThat(dir.resolve("srv/.site.lifeboat-partial")).doesNotExist();
    }

    @Test
    void refusesASourceThatIsNotATarball() {
      Path dump = pg.dump(source, "c", dir.resolve("app.dump"));

      ApplicationFailure failure = failureOf(() -> restoreFiles(dump, target));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.getOriginalMessage())
          .startsWith(
              dump
                  + " on host test-sshd is not a tarball (tar or gzip-compressed tar) but a custom"
                  + " dump");
    }

    @Test
    void heartbeatsWhileTheHostWorks() {
      restoreFiles(tarball, target);

      assertThat(heartbeats).isNotEmpty();
      assertThat(heartbeats.get(0).host()).isEqualTo("test-sshd");
    }
  }

  @Nested
  class IntoADatabase {
    RestoreDataResult restoreOnHost(Path dump, String database) {
      return activity.restoreData(
          new RestoreDataRequest(
              dump.toString(), "main", database, RestoreFormat.AUTO, "test-sshd", null));
    }

    @Test
    void restoresADumpOnTheHostWithTheHostsPgRestoreAndReRunIsANoOp() {
      Path dump = pg.dump(source, "c", dir.resolve("orders.dump"));
      String target = pg.newDatabaseName("remote");

      RestoreDataResult first = restoreOnHost(dump, target);
      RestoreDataResult again = restoreOnHost(dump, target);

      assertThat(pg.queryText(target, "SELECT count(*) FROM orders")).isEqualTo("1000");
      assertThat(first.createdDatabase()).isTrue();
      assertThat(first.tool()).isEqualTo("pg_restore");
      assertThat(first.summary())
          .startsWith("restored custom dump orders.dump on host test-sshd (")
          .contains("into " + target + " on main with pg_restore");
      assertThat(again.summary())
          .as("the stamp written over JDBC after the first restore")
          .contains("already holds this dump");
      assertThat(pg.queryText(target, "SELECT count(*) FROM orders")).isEqualTo("1000");
    }

    @Test
    void restoresAPlainSqlDumpOnTheHostWithPsql() {
      Path dump = pg.dump(source, "p", dir.resolve("orders.sql"));
      String target = pg.createDatabase("remote_plain");

      RestoreDataResult result = restoreOnHost(dump, target);

      assertThat(result.tool()).isEqualTo("psql");
      assertThat(pg.queryText(target, "SELECT count(*) FROM orders")).isEqualTo("1000");
      assertThat(restoreOnHost(dump, target).summary()).contains("already holds this dump");
    }

    @Test
    void givesThePasswordOnStdinNeverOnTheCommandLine() {
      Path dump = pg.dump(source, "c", dir.resolve("secret.dump"));
      String target = pg.newDatabaseName("remote_pw");

      RestoreDataResult result = restoreOnHost(dump, target);

      List<RemoteCommand> restores =
          shell.commands().stream().filter(c -> c.commandLine().contains("pg_restore")).toList();
      assertThat(restores).as("one pg_restore ran on the host").hasSize(1);
      assertThat(shell.commands())
          .as("no command line (visible in ps on the host) holds the password")
          .allSatisfy(command -> assertThat(command.commandLine()).doesNotContain(PASSWORD))
          .allSatisfy(command -> assertThat(command.toString()).doesNotContain(PASSWORD));
      assertThat(restores.get(0).stdin()).isEqualTo(PASSWORD + "\n");
      assertThat(restores.get(0).commandLine())
          .startsWith("IFS= read -r PGPASSWORD")
          .contains("exec 'pg_restore' '-h' '127.0.0.1'");
      assertThat(result.summary()).doesNotContain(PASSWORD);
    }

    @Test
    void refusesADumpMissingOnTheHostNamingHostAndPath() {
      Path missing = dir.resolve("gone.dump");

      ApplicationFailure failure =
          failureOf(() -> restoreOnHost(missing, pg.newDatabaseName("none")));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.getOriginalMessage())
          .isEqualTo("dump not found: " + missing + " on host test-sshd");
    }
  }
}
