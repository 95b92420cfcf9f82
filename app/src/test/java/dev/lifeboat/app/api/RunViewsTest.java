package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.LifeboatAppTest.stepOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.worker.WorkerHost;
import io.dropwizard.lifecycle.JettyManaged;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where {@code GET /api/runs/{id}} takes a running run's steps from: the workflow's own answer
 * while a worker can give it, else the record, within seconds and saying so.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RunViewsTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_views");

  final ObjectMapper json = new ObjectMapper();

  @Test
  void answersFromTheRecordWithinSecondsWhenNoWorkerAnswersTheQuery() throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    String id = api.launchWaitingDrill();
    JsonNode live = json.readTree(api.get("/api/runs/" + id, TestTokens.VIEWER).body());
    assertThat(live.path("source").asText()).isEqualTo("live");
    assertThat(live.has("note")).as("a live answer needs no note").isFalse();

    stopTheWorker();
    long start = System.nanoTime();
    HttpResponse<String> response = api.get("/api/runs/" + id, TestTokens.VIEWER);
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(waited)
        .as("the view must not wait on a workflow nobody runs (it took a minute before)")
        .isLessThan(Duration.ofSeconds(10));
    JsonNode run = json.readTree(response.body());
    assertThat(run.path("source").asText()).isEqualTo("record");
    assertThat(run.path("live").asBoolean()).isFalse();
    assertThat(run.path("note").asText())
        .as(response.body())
        .contains("did not answer")
        .contains("rebuilt from the record");
    assertThat(run.path("status").asText()).isEqualTo("running");
    assertThat(stepOf(run, "wait-for-port").path("status").asText())
        .as("the record knows the step started")
        .isEqualTo("running");
  }

  /** The worker goes away as it would if its process died: nothing answers the run's queries. */
  private static void stopTheWorker() throws Exception {
    for (var managed : APP.getEnvironment().lifecycle().getManagedObjects()) {
      if (managed instanceof JettyManaged jetty && jetty.getManaged() instanceof WorkerHost host) {
        host.stop();
        return;
      }
    }
    throw new AssertionError("the app manages no WorkerHost");
  }
}
