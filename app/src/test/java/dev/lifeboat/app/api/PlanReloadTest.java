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
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code POST /api/plans/reload} on the running service, with the watcher off so every change is
 * the reload's own: what it answers, the last good version of a file that broke, a removed plan,
 * and a run in flight that keeps the plan it was launched with (tracker 8.9).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanReloadTest {
  static final Path FOLDER = folder();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg, "lifeboat_reload", FOLDER, ConfigOverride.config("watchRunbooks", "false"));

  final ObjectMapper json = new ObjectMapper();

  @Test
  @Order(1)
  void answersWhatChangedKeepsTheLastGoodVersionAndDropsARemovedPlan() throws Exception {
    assertThat(planNames()).containsExactly("broken-later", "removed-later", "walk");
    write("added.yml", plan("added", "Added", "one"));
    write("broken-later.yml", plan("broken-later", "Broken later", "one").replace("rpo", "rpx"));
    Files.delete(FOLDER.resolve("removed-later.yml"));

    HttpResponse<String> reload = reload(TestTokens.ADMIN);

    assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
    JsonNode changes = json.readTree(reload.body());
    assertThat(texts(changes.path("added"))).containsExactly("added");
    assertThat(texts(changes.path("updated"))).isEmpty();
    assertThat(texts(changes.path("removed"))).containsExactly("removed-later");
    assertThat(changes.path("kept")).hasSize(1);
    assertThat(changes.path("kept").get(0).path("plan").asText()).isEqualTo("broken-later");
    assertThat(changes.path("kept").get(0).path("file").asText()).isEqualTo("broken-later.yml");
    String problem =
        FOLDER.resolve("broken-later.yml")
            + ":4:23: objectives.rpx: unknown field 'rpx'; did you mean 'rpo'?";
    assertThat(texts(changes.path("kept").get(0).path("problems"))).contains(problem);
    assertThat(texts(changes.path("problems"))).contains(problem);

    JsonNode list = json.readTree(api().get("/api/plans", TestTokens.VIEWER).body());
    assertThat(planNames()).containsExactly("added", "broken-later", "walk");
    JsonNode kept = plan(list, "broken-later");
    assertThat(kept.path("title").asText())
        .as("the last good version is still offered")
        .isEqualTo("Broken later");
    assertThat(texts(kept.path("problems"))).contains(problem);
    assertThat(plan(list, "added").path("problems")).isEmpty();
    HttpResponse<String> gone =
        api()
            .post("/api/plans/removed-later/runs", "{\"mode\": \"tabletop\"}", TestTokens.OPERATOR);
    assertThat(gone.statusCode()).as(gone.body()).isEqualTo(404);
    HttpResponse<String> stillLaunches =
        api().post("/api/plans/broken-later/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(stillLaunches.statusCode()).as(stillLaunches.body()).isEqualTo(202);

    write("broken-later.yml", plan("broken-later", "Fixed", "one"));
    JsonNode fixed = json.readTree(reload(TestTokens.ADMIN).body());
    assertThat(texts(fixed.path("updated"))).containsExactly("broken-later");
    assertThat(fixed.path("kept")).isEmpty();
    assertThat(fixed.path("problems")).isEmpty();
  }

  @Test
  @Order(2)
  void aRunInFlightKeepsThePlanItWasLaunchedWith() throws Exception {
    HttpResponse<String> launched =
        api().post("/api/plans/walk/runs", "{\"mode\": \"tabletop\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    waitFor(id, "first", "awaiting_ack");

    write("walk.yml", plan("walk", "Walk, edited", "renamed"));
    assertThat(texts(json.readTree(reload(TestTokens.ADMIN).body()).path("updated")))
        .containsExactly("walk");
    assertThat(
            json.readTree(api().get("/api/plans/walk", TestTokens.VIEWER).body())
                .path("stages")
                .findValuesAsText("id"))
        .containsExactly("renamed-first", "renamed-second");

    acknowledge(id, "first");
    waitFor(id, "second", "awaiting_ack");
    acknowledge(id, "second");
    JsonNode run = waitFor(id, "second", "acknowledged");
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> run(id).path("status").asText().equals("succeeded"));
    assertThat(field(run(id).path("steps"), "id"))
        .as("the run walked the plan it was launched with, not the edited file")
        .containsExactly("first", "second");
    assertThat(stepOf(run, "first").path("status").asText()).isEqualTo("acknowledged");
  }

  @Test
  @Order(3)
  void onlyAnAdminMayReload() throws Exception {
    for (String token : List.of(TestTokens.VIEWER, TestTokens.OPERATOR, TestTokens.COMMANDER)) {
      HttpResponse<String> refused = reload(token);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    }
    assertThat(reload(null).statusCode()).isEqualTo(401);
    assertThat(reload(TestTokens.ADMIN).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void aPlanNamedReloadCanStillBeRead() throws Exception {
    write("reload.yml", plan("reload", "Named like the endpoint", "one"));
    assertThat(texts(json.readTree(reload(TestTokens.ADMIN).body()).path("added")))
        .containsExactly("reload");

    HttpResponse<String> read = api().get("/api/plans/reload", TestTokens.VIEWER);

    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(json.readTree(read.body()).path("title").asText())
        .isEqualTo("Named like the endpoint");
  }

  private static Path folder() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-reload");
      Files.writeString(folder.resolve("walk.yml"), plan("walk", "Walk", ""));
      Files.writeString(
          folder.resolve("broken-later.yml"), plan("broken-later", "Broken later", "one"));
      Files.writeString(
          folder.resolve("removed-later.yml"), plan("removed-later", "Removed later", "one"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plan of two notify steps in two stages, their ids prefixed with {@code prefix-}. */
  static String plan(String name, String title, String prefix) {
    String first = prefix.isEmpty() ? "first" : prefix + "-first";
    String second = prefix.isEmpty() ? "second" : prefix + "-second";
    return """
        name: %s
        title: %s
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: one
            steps:
              - {id: %s, kind: notify, channel: log, message: hi}
          - name: two
            steps:
              - {id: %s, kind: notify, channel: log, message: bye}
        """
        .formatted(name, title, first, second);
  }

  private static void write(String file, String text) throws IOException {
    Files.writeString(FOLDER.resolve(file), text);
  }

  private TestApi api() {
    return new TestApi(APP.getLocalPort());
  }

  private HttpResponse<String> reload(String token) throws Exception {
    return api().post("/api/plans/reload", "", token);
  }

  private List<String> planNames() throws Exception {
    return field(
        json.readTree(api().get("/api/plans", TestTokens.VIEWER).body()).path("plans"), "name");
  }

  private static JsonNode plan(JsonNode list, String name) {
    for (JsonNode plan : list.path("plans")) {
      if (plan.path("name").asText().equals(name)) {
        return plan;
      }
    }
    throw new AssertionError("no plan " + name + " in " + list);
  }

  /** {@code name} of every element of {@code array}. */
  static List<String> field(JsonNode array, String name) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.path(name).asText()));
    return values;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private JsonNode run(String id) throws Exception {
    return json.readTree(api().get("/api/runs/" + id, TestTokens.VIEWER).body());
  }

  private JsonNode waitFor(String id, String step, String status) {
    JsonNode[] seen = new JsonNode[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              seen[0] = run(id);
              return stepOf(seen[0], step).path("status").asText().equals(status);
            });
    return seen[0];
  }

  private void acknowledge(String id, String step) throws Exception {
    HttpResponse<String> ack =
        api()
            .post(
                "/api/runs/" + id + "/steps/" + step + "/acknowledge",
                "{\"outcome\": \"ok\"}",
                TestTokens.OPERATOR);
    assertThat(ack.statusCode()).as(ack.body()).isEqualTo(200);
  }
}
