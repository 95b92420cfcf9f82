package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 9.9: an operator launched the failover plan as a drill and it called the real load
 * balancer. Through the whole service, with {@code test-config.yml}'s production host {@code
 * prod-db} and production server {@code prod}: a plan with a step that would act on production in a
 * drill and says nothing about it does not load (issue 11.1); a drill whose launch values name
 * production is refused before anything is recorded or started; a drill runs a step's {@code
 * drill:} overrides and skips what {@code modes:} leaves to recoveries; a step declaring {@code
 * drill: as-is} runs; a recovery by a commander and a tabletop walk are launched as before.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DrillLaunchTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_drillguard", plans());

  /** The shipped plan's failover parameters, naming the production host and server. */
  static final String FAILOVER_PARAMS =
      "{\"old_primary_host\": \"prod-db\", \"standby_server\": \"prod\","
          + " \"latest_dump\": \"/nonexistent/shop.dump\","
          + " \"lb_pool_url\": \"https://lb.example/api/pools/shop-db\","
          + " \"shop_health_url\": \"https://shop.example/health\"}";

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  @Test
  void aPlanWhoseFailoverSaysNothingAboutDrillsDoesNotLoad() throws Exception {
    HttpResponse<String> plans = api.get("/api/plans", TestTokens.OPERATOR);

    assertThat(plans.body())
        .as("the problem names the step, what it would do and how to say what it does in a drill")
        .contains(
            "silent-failover.yml:8:9: stages[0].steps[0]: start-failover step 'switch' fails"
                + " production over (PUT https://lb.example/api/pools/shop-db), which a drill does"
                + " not do; say what the step does in a drill: drill: overrides of its fields"
                + " (e.g. another host), modes: without drill (a drill skips it), or drill: as-is"
                + " if it is safe to run as written");
    HttpResponse<String> refused = launch("silent-failover", "drill", "{}", TestTokens.OPERATOR);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
    assertThat(drillsOf("silent-failover")).isZero();
  }

  @Test
  void aDrillOfTheExampleFailoverIsLaunchedAndItsFailoverIsNotInIt() throws Exception {
    HttpResponse<String> launched =
        launch("example-failover", "drill", FAILOVER_PARAMS, TestTokens.OPERATOR);

    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    // The dump does not exist, so the run fails at its first check, before anything else.
    JsonNode run = api.waitForRun(id, r -> r.path("status").asText().matches("succeeded|failed"));
    assertThat(run.path("status").asText()).isEqualTo("failed");
  }

  @Test
  void aDrillRunsTheOverriddenFieldsAndSkipsWhatOnlyARecoveryDoes() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    HttpServer balancer = balancer(calls);
    try {
      String url = "http://127.0.0.1:" + balancer.getAddress().getPort() + "/api/pools";
      HttpResponse<String> launched =
          launch("modal-failover", "drill", "{\"lb_url\": \"" + url + "\"}", TestTokens.OPERATOR);

      assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
      String id = json.readTree(launched.body()).path("id").asText();
      JsonNode run = api.waitForRun(id, r -> r.path("status").asText().matches("succeeded|failed"));
      assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("succeeded");
      assertThat(calls)
          .as("the drill's pool, never production's")
          .containsExactly("PUT /api/pools/drill");
      JsonNode fence = step(run, "fence-prod");
      assertThat(fence.path("status").asText()).isEqualTo("skipped");
      assertThat(fence.path("summary").asText())
          .isEqualTo("not run in a drill: the step runs only in recovery (modes: [recovery])");
      JsonNode events =
          json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body());
      assertThat(events.toString())
          .as("the record says why the step was skipped")
          .contains("not run in a drill: the step runs only in recovery (modes: [recovery])");
    } finally {
      balancer.stop(0);
    }
  }

  @Test
  void refusesADrillWhoseHostParamNamesAProductionHost() throws Exception {
    HttpResponse<String> refused =
        launch("restart-app", "drill", "{\"host\": \"prod-db\"}", TestTokens.OPERATOR);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(json.readTree(refused.body()).path("error").path("details").get(0).asText())
        .contains(
            "restart-app.yml:10:9: stages[0].steps[0]: command step 'restart' runs a command on"
                + " production host 'prod-db'");
    assertThat(drillsOf("restart-app")).isZero();
  }

  @Test
  void runsADrillOfAFailoverThatDeclaresDrillAsIs() throws Exception {
    List<String> calls = new CopyOnWriteArrayList<>();
    HttpServer balancer = balancer(calls);
    try {
      String url = "http://127.0.0.1:" + balancer.getAddress().getPort() + "/api/pools/drill";
      HttpResponse<String> launched =
          launch(
              "declared-failover", "drill", "{\"lb_url\": \"" + url + "\"}", TestTokens.OPERATOR);

      assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
      String id = json.readTree(launched.body()).path("id").asText();
      JsonNode run = api.waitForRun(id, r -> r.path("status").asText().matches("succeeded|failed"));
      assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("succeeded");
      assertThat(calls).containsExactly("PUT /api/pools/drill");
    } finally {
      balancer.stop(0);
    }
  }

  @Test
  void launchesARecoveryOfTheExampleFailoverForACommander() throws Exception {
    HttpResponse<String> launched =
        launch("example-failover", "recovery", FAILOVER_PARAMS, TestTokens.COMMANDER);

    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    assertThat(json.readTree(launched.body()).path("mode").asText()).isEqualTo("recovery");
    // The dump does not exist, so the run stops at its first check, before touching anything.
    JsonNode run = api.waitForRun(id, r -> r.path("status").asText().matches("succeeded|failed"));
    assertThat(run.path("status").asText()).isEqualTo("failed");
  }

  @Test
  void walksTheExampleFailoverAsATabletopRun() throws Exception {
    HttpResponse<String> launched =
        launch("example-failover", "tabletop", FAILOVER_PARAMS, TestTokens.OPERATOR);

    assertThat(launched.statusCode()).as("a tabletop runs nothing").isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    assertThat(api.post("/api/runs/" + id + "/cancel", "", TestTokens.OPERATOR).statusCode())
        .isEqualTo(202);
  }

  /** A load balancer on loopback that answers 200 and notes each call. */
  private static HttpServer balancer(List<String> calls) throws IOException {
    HttpServer balancer =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    balancer.createContext(
        "/",
        exchange -> {
          calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    balancer.start();
    return balancer;
  }

  private static JsonNode step(JsonNode run, String id) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(id)) {
        return step;
      }
    }
    throw new AssertionError("the run has no step " + id + ": " + run.toPrettyString());
  }

  private HttpResponse<String> launch(String plan, String mode, String params, String token)
      throws Exception {
    return api.post(
        "/api/plans/" + plan + "/runs",
        "{\"mode\": \"" + mode + "\", \"params\": " + params + "}",
        token);
  }

  /** Drills of {@code plan} in the record, read from the database itself. */
  private static int drillsOf(String plan) throws Exception {
    try (Connection record =
            DriverManager.getConnection(
                APP.getConfiguration().getDatabase().getUrl(),
                APP.getConfiguration().getDatabase().getUser(),
                "");
        PreparedStatement count =
            record.prepareStatement(
                "select count(*) from runs where plan_name = ? and mode = 'drill'")) {
      count.setString(1, plan);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** The test plans, the shipped failover plan, and two small plans of this issue. */
  private static Path plans() {
    try {
      Path folder = TestPlans.folder();
      Files.copy(
          Path.of("..", "runbooks", "example-failover.yml"),
          folder.resolve("example-failover.yml"));
      Files.writeString(
          folder.resolve("restart-app.yml"),
          """
          name: restart-app
          title: Restart the app on a host named at launch
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          params:
            host: {type: string, required: true}
          stages:
            - name: restart
              steps:
                - id: restart
                  kind: command
                  host: ${params.host}
                  run: systemctl restart app
          """);
      Files.writeString(
          folder.resolve("declared-failover.yml"),
          """
          name: declared-failover
          title: A failover whose author says it is safe in a drill
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          params:
            lb_url: {type: string, required: true}
          stages:
            - name: switch
              steps:
                - id: switch-drill-pool
                  kind: start-failover
                  drill: as-is
                  retry: {attempts: 1}
                  actions:
                    - http: {method: PUT, url: "${params.lb_url}", expect_status: 200}
          """);
      Files.writeString(
          folder.resolve("silent-failover.yml"),
          """
          name: silent-failover
          title: A failover that says nothing about drills
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: switch
              steps:
                - id: switch
                  kind: start-failover
                  actions:
                    - http: {method: PUT, url: "https://lb.example/api/pools/shop-db"}
          """);
      Files.writeString(
          folder.resolve("modal-failover.yml"),
          """
          name: modal-failover
          title: A failover that a drill runs against the drill pool
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          params:
            lb_url: {type: string, required: true}
          stages:
            - name: switch
              steps:
                - id: switch-pool
                  kind: start-failover
                  retry: {attempts: 1}
                  actions:
                    - http: {method: PUT, url: "${params.lb_url}/prod", expect_status: 200}
                  drill:
                    actions:
                      - http: {method: PUT, url: "${params.lb_url}/drill", expect_status: 200}
                - id: fence-prod
                  kind: command
                  host: prod-db
                  run: fence
                  modes: [recovery]
          """);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The 1-based line of the shipped file holding {@code text}, so the test follows edits. */
  private static int lineOf(String file, String text) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + file);
  }
}
