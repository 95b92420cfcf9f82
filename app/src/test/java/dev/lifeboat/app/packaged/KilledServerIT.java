package dev.lifeboat.app.packaged;

import static dev.lifeboat.app.packaged.JarApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.activities.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's JVM killed with SIGKILL in the middle of a restore, then started again on the same
 * data folder, as systemd would after the OOM killer. What the dead server left running (its
 * pg_restore and its embedded PostgreSQL) must be stopped, not adopted, and the record must say how
 * the run and its step ended: interrupted, with no step "running" forever.
 */
class KilledServerIT {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private final List<LifeboatJar> started = new ArrayList<>();
  private LifeboatHome home;

  @AfterEach
  void stopAll() throws Exception {
    for (LifeboatJar lifeboat : started) {
      lifeboat.close();
    }
    if (home != null) {
      home.delete();
    }
  }

  @Test
  void aRestartStopsWhatTheKilledServerLeftRunningAndClosesItsRun() throws Exception {
    home =
        LifeboatHome.create("")
            .runbook(
                "slow-restore.yml",
                """
                name: slow-restore
                title: A restore that takes a minute
                owner: tests
                objectives: {rto: 15m, rpo: 24h}
                params:
                  dump: {type: string, required: true}
                stages:
                  - name: restore
                    steps:
                      - id: restore-slowly
                        kind: restore-data
                        source: ${params.dump}
                        server: local
                        database: slow_${run.id}
                        timeout: 10m
                """);
    Path dump = SlowDump.create(pg, Files.createDirectories(home.data().resolve("backups")), 1200);
    LifeboatJar first = start();
    JarApi api = new JarApi(home);
    String id =
        api.launch(
            "slow-restore", "{\"mode\": \"drill\", \"params\": {\"dump\": \"" + dump + "\"}}");
    api.awaitRun(
        id,
        run -> step(run, "restore-slowly").path("status").asText().equals("running"),
        Duration.ofSeconds(60),
        "the restore to be running");
    ProcessHandle pgRestore = awaitChild(first, "pg_restore");
    awaitRecorded(api, id, "step.started");
    ProcessHandle postgres = postmaster().orElseThrow();

    first.killWithSigkill();

    assertThat(pgRestore.isAlive())
        .as("SIGKILL leaves pg_restore running (what to clean)")
        .isTrue();
    assertThat(postgres.isAlive()).as("and the embedded PostgreSQL").isTrue();

    LifeboatJar second = start();

    assertThat(pgRestore.isAlive())
        .as("the restarted server killed the orphaned pg_restore; its log:\n%s", second.tail())
        .isFalse();
    assertThat(postgres.isAlive())
        .as("the leftover PostgreSQL was stopped, not reused; log:\n%s", second.tail())
        .isFalse();
    assertThat(second.log())
        .contains("killed ")
        .contains("pg_restore")
        .contains("(pid " + pgRestore.pid() + "), left running by a Lifeboat that stopped")
        .contains(
            "found PostgreSQL (pid "
                + postgres.pid()
                + ") still running on "
                + home.data().resolve("postgres"))
        .contains("stopped the leftover PostgreSQL (pid " + postgres.pid() + ") cleanly");

    JsonNode run = api.run(id);
    assertThat(run.path("status").asText()).isEqualTo("interrupted");
    JsonNode restore = step(run, "restore-slowly");
    assertThat(restore.path("status").asText())
        .as("no step of an interrupted run stays running: %s", run)
        .isEqualTo("interrupted");
    assertThat(restore.path("summary").asText()).startsWith("step interrupted while running: ");
    List<String> types = api.events(id).findValuesAsText("type");
    assertThat(types.subList(types.size() - 3, types.size()))
        .as("an interrupted drill is judged too")
        .containsExactly("step.interrupted", "run.interrupted", "run.verdict");
    assertThat(run.path("verdict").asText()).isEqualTo("fail");
    assertThat(run.path("reasons").findValuesAsText("reason")).contains("run_interrupted");

    ProcessHandle secondPostgres = postmaster().orElseThrow();
    second.stop();
    assertThat(secondPostgres.isAlive())
        .as("a clean stop stops PostgreSQL too; log:\n%s", second.tail())
        .isFalse();
    assertThat(second.log())
        .as("PostgreSQL stops after the server stopped writing, not at SIGTERM")
        .contains("stopped the embedded PostgreSQL (pid " + secondPostgres.pid() + ")");
    assertThat(ProcessHandle.allProcesses())
        .as("nothing started on this data folder outlives the server")
        .noneMatch(
            p ->
                p.isAlive()
                    && p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(home.dir().toString()))
                        .orElse(false));
  }

  private LifeboatJar start() throws Exception {
    LifeboatJar lifeboat = LifeboatJar.start(home);
    started.add(lifeboat);
    return lifeboat;
  }

  /** The running postmaster of the home's embedded PostgreSQL, from its postmaster.pid. */
  private Optional<ProcessHandle> postmaster() throws Exception {
    Path pidFile = home.data().resolve("postgres").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  private static ProcessHandle awaitChild(LifeboatJar lifeboat, String program)
      throws InterruptedException {
    return await(program + " to start under Lifeboat")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                lifeboat.children().stream()
                    .filter(
                        child ->
                            child
                                .info()
                                .command()
                                .map(c -> c.endsWith("/" + program))
                                .orElse(false))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  /** Waits until the record (not only the live workflow) has the event. */
  private static void awaitRecorded(JarApi api, String id, String type) throws Exception {
    await("the record of run " + id + " to have a " + type + " event")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api.events(id).findValuesAsText("type"), types -> types.contains(type));
  }
}
