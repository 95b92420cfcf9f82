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
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How a run ended, through the whole service: a step the plan continues past fails on every
 * attempt, the finally stage tells the outcome, and the API (rebuilt from the record once the
 * workflow is gone) says succeeded_with_failures with every failed attempt listed.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RunOutcomesAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_outcomes", plans());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  static Path plans() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-outcomes");
      Files.writeString(
          folder.resolve("fails-softly.yml"),
          """
          name: fails-softly
          title: A check the plan goes on past, then a word to the team
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: check
              steps:
                - id: closed-port
                  kind: health-check
                  tcp: {host: 127.0.0.1, port: 9, connect_timeout: 1s}
                  retry: {attempts: 2, initial_interval: 100ms}
                  on_failure: continue
          finally:
            - name: tell
              steps:
                - id: tell
                  kind: notify
                  channel: log
                  message: "${plan.name} ${run.outcome}: ${failedStep.id}"
          """);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aContinuedFailureEndsSucceededWithFailuresAndEveryAttemptIsShown() throws Exception {
    HttpResponse<String> launched =
        api.post("/api/plans/fails-softly/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();

    JsonNode run = waitFor(id, r -> !r.path("live").asBoolean() && isFinal(r));

    assertThat(run.path("status").asText())
        .as("a failed step the plan continued past is not a plain success: %s", run)
        .isEqualTo("succeeded_with_failures");
    JsonNode check = stepOf(run, "closed-port");
    assertThat(check.path("status").asText()).isEqualTo("failed");
    assertThat(check.path("attempt").asInt()).isEqualTo(2);
    JsonNode attempts = check.path("failedAttempts");
    assertThat(attempts).as("both attempts, rebuilt from the record: %s", check).hasSize(2);
    assertThat(attempts.get(0).path("attempt").asInt()).isEqualTo(1);
    assertThat(attempts.get(1).path("attempt").asInt()).isEqualTo(2);
    for (JsonNode attempt : attempts) {
      assertThat(attempt.path("activity").asText()).isEqualTo("HealthCheck");
      assertThat(attempt.path("message").asText()).contains("127.0.0.1:9");
      assertThat(Instant.parse(attempt.path("at").asText())).isBefore(Instant.now());
    }
    JsonNode tell = stepOf(run, "tell");
    assertThat(tell.path("stage").asText()).isEqualTo("tell");
    assertThat(tell.path("status").asText()).isEqualTo("succeeded");

    JsonNode events = json.readTree(api.get("/api/runs/" + id + "/events", op()).body());
    List<String> types = events.findValuesAsText("type");
    assertThat(types.stream().filter("step.attempt_failed"::equals)).hasSize(2);
    assertThat(types.subList(types.size() - 2, types.size()))
        .as("the run's end, then its verdict")
        .containsExactly("run.succeeded_with_failures", "run.verdict");
    assertThat(run.path("reasons").findValuesAsText("step"))
        .as("a failure the plan went past still fails the verdict")
        .contains("closed-port");

    JsonNode plan = json.readTree(api.get("/api/plans/fails-softly", op()).body());
    assertThat(plan.path("finally").get(0).path("name").asText()).isEqualTo("tell");
  }

  private static boolean isFinal(JsonNode run) {
    return !run.path("status").asText().matches("pending|running");
  }

  private static String op() {
    return TestTokens.OPERATOR;
  }

  private JsonNode waitFor(String id, Predicate<JsonNode> condition) {
    return api.awaitRun(id, "the expected state", Duration.ofSeconds(90), condition);
  }
}
