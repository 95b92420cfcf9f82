package dev.lifeboat.app.packaged;

import static dev.lifeboat.app.packaged.JarApi.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.activities.ssh.SshServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With a Temporal server that outlives Lifeboat, a Lifeboat killed with SIGKILL mid-run and started
 * again must finish the run: the step in flight runs again when its attempt times out, and the
 * workflow goes on. Against Temporal's Java test server that needs sticky execution off ({@code
 * temporal.stickyExecution: false}): with it on, the run's next workflow task waits on the dead
 * worker's sticky queue, which that server never times out, and the run never ends.
 */
class RunSurvivesSigkillIT {
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  private StandaloneTemporal temporal;
  private LifeboatHome home;
  private LifeboatJar first;
  private LifeboatJar second;

  @BeforeEach
  void start() throws Exception {
    home = LifeboatHome.create(LifeboatHome.hostsFor(sshd.server()));
    home.runbook(
        "two-stages.yml",
        """
        name: two-stages
        title: A step that takes a while, then another
        owner: tests
        objectives: {rto: 15m, rpo: 24h}
        stages:
          - name: work
            steps:
              - id: take-a-while
                kind: command
                host: test-sshd
                run: echo ran >> %s && sleep 4
                timeout: 10s
                retry: {attempts: 3, initial_interval: 1s}
          - name: tell
            steps:
              - id: tell
                kind: notify
                channel: log
                message: done
        """
            .formatted(ranFile()));
    temporal = StandaloneTemporal.start(home.dir());
    home.environment("LIFEBOAT_TEMPORAL_EMBEDDED", "false")
        .environment("LIFEBOAT_TEMPORAL_TARGET", temporal.target())
        .environment("LIFEBOAT_TEMPORAL_STICKY", "false");
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable each : new AutoCloseable[] {second, first, temporal}) {
      if (each != null) {
        each.close();
      }
    }
    if (home != null) {
      home.delete();
    }
  }

  /** Where each run of the first step leaves a line. */
  private Path ranFile() {
    return home.dir().resolve("ran.txt");
  }

  @Test
  void aRunWhoseLifeboatWasKilledFinishesAfterARestart() throws Exception {
    first = LifeboatJar.start(home);
    JarApi api = new JarApi(home);
    String id = api.launch("two-stages", "{\"mode\": \"drill\"}");
    api.awaitRun(
        id,
        run -> step(run, "take-a-while").path("status").asText().equals("running"),
        Duration.ofSeconds(60),
        "the first step to be running");
    // "running" is recorded before the command reaches the host; kill only once it has run there.
    await()
        .alias("the first attempt's command to run on the host")
        .atMost(Duration.ofSeconds(60))
        .until(() -> Files.exists(ranFile()) && !Files.readAllLines(ranFile()).isEmpty());

    first.killWithSigkill();
    second = LifeboatJar.start(home);

    JsonNode run = api.awaitEnd(id, Duration.ofSeconds(120));
    assertThat(run.path("status").asText())
        .as("the run goes on after its Lifeboat was killed and restarted: %s", run)
        .isEqualTo("succeeded");
    assertThat(Files.readAllLines(ranFile()))
        .as("the step in flight ran again after the restart")
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(step(run, "tell").path("status").asText()).isEqualTo("succeeded");
  }
}
