package dev.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.worker.SiteWorker;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole app with embedded Temporal, and the worker {@code lifeboat worker --site dr-east} runs
 * (started in-process on the same configuration): a step with {@code site: dr-east} fails saying
 * what to start while no worker is there, and succeeds once one is. A site listed in {@code
 * temporal.sites} is served by the server's own worker.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SiteWorkerAppTest {
  static final int TEMPORAL_PORT = FreePorts.next();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_sites",
          plans(),
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + TEMPORAL_PORT),
          ConfigOverride.config("temporal.sites", "primary"));

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aStepAtASiteFailsWithoutItsWorkerAndSucceedsWithIt() throws Exception {
    JsonNode alone = runToEnd();
    assertThat(alone.path("status").asText()).as(alone.toString()).isEqualTo("failed");
    assertThat(alone.toString())
        .contains(
            "no worker at site 'dr-east' took the step within 2s; start one there with"
                + " `lifeboat worker --site dr-east`");

    try (SiteWorker worker = SiteWorker.start(APP.getConfiguration(), "dr-east")) {
      assertThat(worker.taskQueue()).isEqualTo("lifeboat-test@dr-east");
      JsonNode served = runToEnd();

      assertThat(served.path("status").asText()).as(served.toString()).isEqualTo("succeeded");
    }
  }

  @Test
  void theSiteWorkerReportsEveryFailedAttemptOfItsSteps() throws Exception {
    try (SiteWorker worker = SiteWorker.start(APP.getConfiguration(), "dr-east")) {
      JsonNode run = runToEnd("fails-at-dr-east");

      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("failed");
      JsonNode attempts = run.path("steps").get(0).path("failedAttempts");
      assertThat(attempts).as("both attempts, reported by the site's worker: %s", run).hasSize(2);
      assertThat(attempts.get(1).path("attempt").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aSiteInTemporalSitesIsServedByTheServersOwnWorker() throws Exception {
    assertThat(APP.getConfiguration().getTemporal().getSites()).containsExactly("primary");

    JsonNode run = runToEnd("at-primary");

    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
  }

  private JsonNode runToEnd() throws Exception {
    return runToEnd("at-dr-east");
  }

  private JsonNode runToEnd(String plan) throws Exception {
    HttpResponse<String> launched =
        send("POST", "/api/plans/" + plan + "/runs", "{\"mode\":\"drill\"}");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    return await("the run of " + plan + " to end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> json.readTree(send("GET", "/api/runs/" + id, null).body()),
            run -> run.path("status").asText().matches("succeeded|failed|cancelled"));
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return new TestApi(APP.getLocalPort()).send(method, path, body, TestTokens.ADMIN);
  }

  /** A reachable TCP port to probe: Temporal's own. */
  private static Path plans() {
    Path folder = TestPlans.folder();
    String plan =
        """
        name: at-dr-east
        title: A step run by the worker at dr-east
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: check
            steps:
              - id: temporal-port
                kind: health-check
                site: dr-east
                timeout: 2s
                retry: {attempts: 1}
                tcp: {host: 127.0.0.1, port: %d}
        """
            .formatted(TEMPORAL_PORT);
    try {
      Files.writeString(folder.resolve("at-dr-east.yml"), plan);
      Files.writeString(
          folder.resolve("fails-at-dr-east.yml"),
          plan.replace("at-dr-east", "fails-at-dr-east")
              .replace("port: " + TEMPORAL_PORT, "port: 9")
              .replace("retry: {attempts: 1}", "retry: {attempts: 2, initial_interval: 100ms}"));
      Files.writeString(
          folder.resolve("at-primary.yml"),
          plan.replace("at-dr-east", "at-primary").replace("site: dr-east", "site: primary"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
