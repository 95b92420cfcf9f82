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
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A schedule firing every 2 seconds in real time launches real drills through the app's launch path
 * (launcher {@code schedule:<id>}, one recorded run per fire, each run ends), runs now when asked,
 * and stops firing once deleted.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ScheduledRunsAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  static final String DB = pg.createDatabase("lifeboat_schedules_fire");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.withRecordAt(pg.url(DB), TestPostgres.server().user(), SchedulePlans.folder());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  int runsOf(String id) {
    return Integer.parseInt(
        pg.queryText(DB, "select count(*) from runs where launcher = 'schedule:" + id + "'"));
  }

  @Test
  void firesRealDrillsEveryTwoSecondsRunsNowAndStopsWhenDeleted() throws Exception {
    HttpResponse<String> made =
        api.post(
            "/api/schedules",
            "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"*/2 * * * * *\"}",
            TestTokens.OPERATOR);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = json.readTree(made.body()).path("id").asText();

    await("three scheduled drills of quick")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> runsOf(id) >= 3);
    JsonNode schedule = json.readTree(api.get("/api/schedules/" + id, TestTokens.VIEWER).body());
    List<Instant> fireTimes = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    for (JsonNode event : schedule.path("events")) {
      if (event.path("type").asText().equals("fired")) {
        fireTimes.add(Instant.parse(event.path("fireAt").asText()));
        runs.add(event.path("run").asText());
      }
    }
    assertThat(fireTimes).hasSizeGreaterThanOrEqualTo(2);
    for (Instant at : fireTimes) {
      assertThat(at.getEpochSecond() % 2).as("fires on even seconds: " + at).isZero();
      assertThat(at.getNano()).isZero();
    }
    JsonNode run = api.waitForRun(runs.get(0), r -> r.path("status").asText().equals("succeeded"));
    assertThat(run.path("launcher").asText()).isEqualTo("schedule:" + id);
    assertThat(run.path("mode").asText()).isEqualTo("drill");

    assertThat(api.post("/api/schedules/" + id + "/pause", "{}", TestTokens.OPERATOR).statusCode())
        .isEqualTo(200);
    Thread.sleep(1500); // a fire already under way may still land
    int paused = runsOf(id);
    Thread.sleep(4500);
    assertThat(runsOf(id)).as("no fire while paused").isEqualTo(paused);

    HttpResponse<String> now =
        api.post("/api/schedules/" + id + "/run-now", "{}", TestTokens.OPERATOR);
    assertThat(now.statusCode()).as(now.body()).isEqualTo(202);
    await("the run-now drill").atMost(Duration.ofSeconds(20)).until(() -> runsOf(id) == paused + 1);
    String events = api.get("/api/schedules/" + id, TestTokens.VIEWER).body();
    assertThat(events).contains("\"type\":\"run_now\"", "\"type\":\"run_now_fired\"");

    assertThat(api.post("/api/schedules/" + id + "/resume", "{}", TestTokens.OPERATOR).statusCode())
        .isEqualTo(200);
    await("firing again after resume")
        .atMost(Duration.ofSeconds(20))
        .until(() -> runsOf(id) >= paused + 2);
    assertThat(api.post("/api/schedules/" + id + "/delete", "{}", TestTokens.OPERATOR).statusCode())
        .isEqualTo(200);
    Thread.sleep(1500);
    int deleted = runsOf(id);
    Thread.sleep(4500);
    assertThat(runsOf(id)).as("a deleted schedule fires no more").isEqualTo(deleted);
  }

  @Test
  void aDailyPrecheckIsScheduledAndRunsAsAPrecheck() throws Exception {
    HttpResponse<String> made =
        api.post(
            "/api/schedules",
            "{\"plan\": \"quick\", \"mode\": \"precheck\", \"cron\": \"0 6 * * *\","
                + " \"zone\": \"Europe/Paris\"}",
            TestTokens.OPERATOR);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = json.readTree(made.body()).path("id").asText();

    HttpResponse<String> now =
        api.post("/api/schedules/" + id + "/run-now", "{}", TestTokens.OPERATOR);
    assertThat(now.statusCode()).as(now.body()).isEqualTo(202);
    await("the scheduled precheck").atMost(Duration.ofSeconds(30)).until(() -> runsOf(id) == 1);
    String run =
        pg.queryText(DB, "select id from runs where launcher = 'schedule:" + id + "'").strip();
    JsonNode ended =
        api.waitForRun(run, r -> !r.path("status").asText().matches("pending|running"));
    assertThat(ended.path("mode").asText()).isEqualTo("precheck");
    assertThat(ended.path("status").asText()).as(ended.toString()).isEqualTo("succeeded");
  }
}
