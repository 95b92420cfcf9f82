package dev.lifeboat.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole app: the coverage watch is started at start-up and sends today's notice for a plan
 * never drilled (recorded once), and the compliance page answers over real HTTP.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CoverageAppTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String DATABASE = pg.createDatabase("lifeboat_coverage_app");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.withRecordAt(pg.url(DATABASE), TestPostgres.server().user(), plans());

  static Path plans() {
    Path folder = TestPlans.folder();
    try {
      Files.writeString(
          folder.resolve("owed.yml"),
          PastRuns.plan("owed", "Owed <b>drill</b>", "exercise: {drill_every: 30d}").text());
      Files.writeString(
          folder.resolve("covered.yml"),
          PastRuns.plan("covered", "Covered", "exercise: {drill_every: 30d}").text());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  @Test
  void theWatchStartsWithTheAppAndNotifiesTheOwnerOncePerDay() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        pg.queryText(
                            DATABASE,
                            "select string_agg(plan_name || '/' || mode || '/' || day || '/'"
                                + " || channel, ',') from coverage_notices where plan_name = 'owed'"))
                    .isEqualTo("owed/drill/" + today + "/log"));

    HttpResponse<String> page =
        new TestApi(APP.getLocalPort())
            .get("/api/compliance?format=html&plan=owed", TestTokens.VIEWER);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body())
        .contains("Owed &lt;b&gt;drill&lt;/b&gt;", "never passed", "unscheduled");
  }

  @Test
  void findingsAndSchedulesOfTheRecordAreCountedInTheView() throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    String due = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
    HttpResponse<String> finding =
        api.post(
            "/api/findings",
            "{\"plan\": \"covered\", \"title\": \"No WAL archive\", \"due\": \"" + due + "\"}",
            TestTokens.OPERATOR);
    assertThat(finding.statusCode()).as(finding.body()).isEqualTo(201);
    HttpResponse<String> schedule =
        api.post(
            "/api/schedules",
            "{\"plan\": \"covered\", \"mode\": \"drill\", \"cron\": \"0 3 * * *\"}",
            TestTokens.OPERATOR);
    assertThat(schedule.statusCode()).as(schedule.body()).isEqualTo(201);

    JsonNode view =
        new ObjectMapper()
            .readTree(api.get("/api/compliance?plan=covered", TestTokens.VIEWER).body());
    assertThat(view.path("findingsTracked").asBoolean()).isTrue();
    assertThat(view.path("schedulesTracked").asBoolean()).isTrue();
    assertThat(view.toString()).as("the plan's open finding is counted").contains("\"open\":1");
    JsonNode coverage =
        new ObjectMapper()
            .readTree(api.get("/api/coverage?plan=covered", TestTokens.VIEWER).body());
    JsonNode drill = coverage.path("plans").path(0).path("coverage").path(0);
    assertThat(drill.path("mode").asText()).isEqualTo("drill");
    assertThat(drill.path("unscheduled").asBoolean())
        .as("a nightly drill schedule covers the plan: " + coverage)
        .isFalse();
  }
}
