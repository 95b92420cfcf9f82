package dev.lifeboat.app.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.cli.ScheduleCommand;
import dev.lifeboat.app.store.RecordIntegrity;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /api/schedules} through the whole service: every bad input is a 4xx naming the problem
 * with nothing stored; roles; the life of a schedule (list with next fires, pause, resume, delete)
 * recorded as a hash-chained history that {@code audit verify} checks.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SchedulesResourceTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  static final String DB = pg.createDatabase("lifeboat_schedules_api");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.withRecordAt(pg.url(DB), TestPostgres.server().user(), SchedulePlans.folder());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  HttpResponse<String> create(String body, String token) throws Exception {
    return api.post("/api/schedules", body, token);
  }

  int stored() {
    return Integer.parseInt(pg.queryText(DB, "select count(*) from schedules"));
  }

  @Nested
  class BadInput {
    void refused(String body, int status, String code, String named) throws Exception {
      int before = stored();
      HttpResponse<String> answer = create(body, TestTokens.OPERATOR);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
      JsonNode error = json.readTree(answer.body()).path("error");
      assertThat(error.path("code").asText()).as(answer.body()).isEqualTo(code);
      assertThat(error.path("message").asText() + error.path("details"))
          .as("the refusal names the problem")
          .contains(named);
      assertThat(stored()).as("nothing is stored for a refused schedule").isEqualTo(before);
    }

    @Test
    void anInvalidCronExpressionIsRefused() throws Exception {
      refused(
          "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"0 25 * * *\"}",
          422,
          "invalid_cron",
          "'0 25 * * *' is not a valid cron expression");
      refused(
          "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"0 9 * *\"}",
          422,
          "invalid_cron",
          "has 4 fields");
    }

    @Test
    void anUnknownTimeZoneIsRefused() throws Exception {
      refused(
          "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"0 9 * * *\","
              + " \"zone\": \"Europe/Atlantis\"}",
          422,
          "unknown_zone",
          "'Europe/Atlantis' is not an IANA time zone");
    }

    @Test
    void aRecoveryIsNeverScheduledEvenByACommander() throws Exception {
      int before = stored();
      HttpResponse<String> answer =
          create(
              "{\"plan\": \"quick\", \"mode\": \"recovery\", \"cron\": \"0 9 * * *\"}",
              TestTokens.ADMIN);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
      assertThat(answer.body())
          .contains("recovery_not_schedulable", "a recovery is never scheduled");
      assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anUnknownPlanIsRefused() throws Exception {
      refused(
          "{\"plan\": \"no-such-plan\", \"mode\": \"drill\", \"cron\": \"0 9 * * *\"}",
          422,
          "unknown_plan",
          "no plan named 'no-such-plan'");
    }

    @Test
    void paramsThePlanDoesNotAcceptAreRefusedAsALaunchWouldBe() throws Exception {
      refused(
          "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"0 9 * * *\","
              + " \"params\": {\"colour\": \"red\"}}",
          422,
          "invalid_launch",
          "colour");
      refused(
          "{\"plan\": \"needs-params\", \"mode\": \"drill\", \"cron\": \"0 9 * * *\"}",
          422,
          "invalid_launch",
          "params.");
    }

    @Test
    void anUnknownModeOrOverlapPolicyIsRefused() throws Exception {
      refused(
          "{\"plan\": \"quick\", \"mode\": \"rehearsal\", \"cron\": \"0 9 * * *\"}",
          400,
          "unknown_mode",
          "'rehearsal'");
      refused(
          "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"0 9 * * *\","
              + " \"overlap\": \"pile-up\"}",
          400,
          "unknown_overlap",
          "skip, queue, cancel-previous");
      refused("{\"plan\": \"quick\", \"mode\": \"drill\"}", 400, "missing_cron", "'cron'");
    }

    @Test
    void aViewerCannotScheduleAndAnUnknownScheduleIsNamed() throws Exception {
      int before = stored();
      HttpResponse<String> viewer =
          create(
              "{\"plan\": \"quick\", \"mode\": \"drill\", \"cron\": \"0 9 * * *\"}",
              TestTokens.VIEWER);
      assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(403);
      assertThat(stored()).isEqualTo(before);
      HttpResponse<String> unknown =
          api.post(
              "/api/schedules/00000000-0000-0000-0000-000000000000/pause",
              "{}",
              TestTokens.OPERATOR);
      assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
      assertThat(unknown.body()).contains("unknown_schedule");
    }
  }

  @Test
  void aScheduleIsListedWithItsNextFiresPausedResumedAndDeletedOnTheRecord() throws Exception {
    HttpResponse<String> made =
        create(
            "{\"plan\": \"quick\", \"mode\": \"tabletop\", \"cron\": \"0 9 * * 1\","
                + " \"zone\": \"Europe/Berlin\", \"overlap\": \"queue\", \"owner\": \"dba-team\"}",
            TestTokens.OPERATOR);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = json.readTree(made.body()).path("id").asText();
    assertThat(made.headers().firstValue("Location").orElseThrow())
        .endsWith("/api/schedules/" + id);

    JsonNode listed = schedule(api.get("/api/schedules", TestTokens.VIEWER).body(), id);
    assertThat(listed.path("owner").asText()).isEqualTo("dba-team");
    assertThat(listed.path("createdBy").asText()).isEqualTo("test-operator");
    List<Instant> fires = new ArrayList<>();
    listed.path("nextFires").forEach(at -> fires.add(Instant.parse(at.asText())));
    assertThat(fires).hasSize(5).isSorted();
    for (int i = 1; i < fires.size(); i++) {
      assertThat(Duration.between(fires.get(i - 1), fires.get(i))).isEqualTo(Duration.ofDays(7));
    }

    assertThat(post(id, "pause").statusCode()).isEqualTo(200);
    HttpResponse<String> again = post(id, "pause");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
    JsonNode paused = json.readTree(api.get("/api/schedules/" + id, TestTokens.VIEWER).body());
    assertThat(paused.path("paused").asBoolean()).isTrue();
    assertThat(paused.path("nextFires")).as("a paused schedule fires nothing").isEmpty();
    assertThat(post(id, "resume").statusCode()).isEqualTo(200);
    assertThat(post(id, "delete").statusCode()).isEqualTo(200);
    HttpResponse<String> afterDelete = post(id, "resume");
    assertThat(afterDelete.statusCode()).as(afterDelete.body()).isEqualTo(409);

    JsonNode kept = json.readTree(api.get("/api/schedules/" + id, TestTokens.VIEWER).body());
    assertThat(kept.path("deleted").asBoolean())
        .as("a deleted schedule stays on the record")
        .isTrue();
    List<String> types = new ArrayList<>();
    kept.path("events").forEach(event -> types.add(event.path("type").asText()));
    assertThat(types).containsExactly("created", "paused", "resumed", "deleted");
    assertThat(api.get("/api/schedules", TestTokens.VIEWER).body()).doesNotContain(id);

    assertThat(scheduleChain().intact()).as(scheduleChain().describe()).isTrue();
    assertThat(scheduleChain().records()).isGreaterThanOrEqualTo(4);
    pg.execute(
        DB,
        "set session_replication_role = replica",
        "update schedule_events set actor = 'mallory' where type = 'deleted'");
    assertThat(scheduleChain().intact())
        .as("audit verify finds a schedule event rewritten behind Lifeboat's back")
        .isFalse();
  }

  static Integrity scheduleChain() {
    Jdbi jdbi =
        Jdbi.create(pg.url(DB), TestPostgres.server().user(), TestPostgres.server().password());
    return new RecordIntegrity(jdbi)
        .all().stream()
            .filter(chain -> chain.chain().equals("schedule events"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("audit verify does not check schedule events"));
  }

  @Test
  void theScheduleCommandCreatesListsAndPausesThroughTheApi() throws Exception {
    String created =
        cli(
            Map.of(
                "action",
                "create",
                "plan",
                "needs-params",
                "mode",
                "tabletop",
                "cron",
                "0 6 1 * *",
                "zone",
                "Asia/Tokyo",
                "overlap",
                "queue",
                "param",
                List.of("target=db-2")));
    assertThat(created).contains("needs-params tabletop  '0 6 1 * *' Asia/Tokyo  overlap queue");
    String id = created.substring(0, created.indexOf(' '));
    assertThat(created).as("its next 5 fires").containsPattern("(?s)(  next 20\\S+Z\\n.*){5}");

    assertThat(cli(Map.of("action", "list"))).contains(id + "  needs-params tabletop");
    assertThat(cli(Map.of("action", "pause", "id", id))).contains(id).contains("  paused");
    JsonNode stored = json.readTree(api.get("/api/schedules/" + id, TestTokens.VIEWER).body());
    assertThat(stored.path("params").path("target").asText()).isEqualTo("db-2");
    assertThat(stored.path("createdBy").asText()).isEqualTo("test-operator");

    assertThatThrownBy(
            () ->
                cli(
                    Map.of(
                        "action",
                        "create",
                        "plan",
                        "quick",
                        "mode",
                        "drill",
                        "cron",
                        "0 9 * * *",
                        "zone",
                        "Nowhere/Else",
                        "overlap",
                        "skip")))
        .hasMessageContaining("refused (422)")
        .hasMessageContaining("'Nowhere/Else' is not an IANA time zone");
  }

  String cli(Map<String, Object> args) throws Exception {
    Map<String, Object> all = new HashMap<>(args);
    all.put("url", "http://127.0.0.1:" + APP.getLocalPort());
    all.put("token", TestTokens.OPERATOR);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    new ScheduleCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))
        .run(new Bootstrap<>(new LifeboatApplication()), new Namespace(all));
    return printed.toString(StandardCharsets.UTF_8);
  }

  HttpResponse<String> post(String id, String action) throws Exception {
    return api.post("/api/schedules/" + id + "/" + action, "{}", TestTokens.OPERATOR);
  }

  JsonNode schedule(String list, String id) throws Exception {
    for (JsonNode schedule : json.readTree(list).path("schedules")) {
      if (schedule.path("id").asText().equals(id)) {
        return schedule;
      }
    }
    throw new AssertionError("schedule " + id + " is not listed: " + list);
  }
}
