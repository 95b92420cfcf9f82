package dev.lifeboat.app.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lifeboat stopped and started again on the same record, each time with a fresh embedded Temporal
 * that knows nothing of the schedule: the scheduler is re-ensured from the record, the latest fire
 * missed while down runs once, as late, within the catch-up window, and is recorded as skipped when
 * it is older than the window.
 */
class ScheduleRestartAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  final ObjectMapper json = new ObjectMapper();
  final String db = pg.createDatabase("lifeboat_schedules_restart");
  final Path runbooks = SchedulePlans.folder();

  DropwizardAppExtension<LifeboatConfiguration> app(ConfigOverride... more) throws Exception {
    DropwizardAppExtension<LifeboatConfiguration> app =
        TestApp.withRecordAt(pg.url(db), TestPostgres.server().user(), runbooks, more);
    app.before();
    return app;
  }

  List<JsonNode> events(TestApi api, String id, String type) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode event :
        json.readTree(api.get("/api/schedules/" + id, TestTokens.VIEWER).body()).path("events")) {
      if (event.path("type").asText().equals(type)) {
        found.add(event);
      }
    }
    return found;
  }

  @Test
  void aMissedFireRunsOnceLateAtStartUpAndTheScheduleGoesOn() throws Exception {
    DropwizardAppExtension<LifeboatConfiguration> first = app();
    String id;
    try {
      TestApi api = new TestApi(first.getLocalPort());
      id =
          json.readTree(
                  api.post(
                          "/api/schedules",
                          "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"*/2 * * * * *\"}",
                          TestTokens.OPERATOR)
                      .body())
              .path("id")
              .asText();
      await("a first fire")
          .atMost(Duration.ofSeconds(30))
          .until(() -> !events(api, id, "fired").isEmpty());
    } finally {
      first.after();
    }
    Thread.sleep(5000); // fires at three or more even seconds pass while Lifeboat is down

    Instant restarting = Instant.now();
    DropwizardAppExtension<LifeboatConfiguration> second = app();
    Instant started = Instant.now();
    try {
      TestApi api = new TestApi(second.getLocalPort());
      await("the late fire and a regular one after it")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  !events(api, id, "late_fired").isEmpty()
                      && Instant.parse(last(events(api, id, "fired")).path("fireAt").asText())
                          .isAfter(started));
      List<JsonNode> late = events(api, id, "late_fired");
      assertThat(late).as("only the latest missed fire runs, once").hasSize(1);
      Instant lateAt = Instant.parse(late.get(0).path("fireAt").asText());
      assertThat(lateAt)
          .as("the latest fire due before the scheduler was re-ensured")
          .isAfterOrEqualTo(restarting.minusSeconds(2))
          .isBefore(started);
      JsonNode run =
          api.waitForRun(
              late.get(0).path("run").asText(), r -> r.path("status").asText().equals("succeeded"));
      assertThat(run.path("launcher").asText()).isEqualTo("schedule:" + id);
    } finally {
      second.after();
    }
    Thread.sleep(3000);

    DropwizardAppExtension<LifeboatConfiguration> third =
        app(ConfigOverride.config("schedules.catchUp", "1ms"));
    try {
      TestApi api = new TestApi(third.getLocalPort());
      assertThat(events(api, id, "late_fired")).as("no late fire outside the window").hasSize(1);
      List<JsonNode> skipped = events(api, id, "skipped");
      assertThat(skipped).hasSize(1);
      assertThat(skipped.get(0).path("message").asText()).contains("catch-up window");
    } finally {
      third.after();
    }
  }

  static JsonNode last(List<JsonNode> nodes) {
    return nodes.get(nodes.size() - 1);
  }
}
