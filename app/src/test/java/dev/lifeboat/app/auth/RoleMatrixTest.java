package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.workflow.RunStatus;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every role against every action, on the running app with real tokens: allowed (with the status
 * the action answers) or 403. And nobody gets anywhere without a live token: none, an unknown one
 * and a revoked one are all 401.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RoleMatrixTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_matrix");

  static final AtomicInteger NAMES = new AtomicInteger();
  final ObjectMapper json = new ObjectMapper();

  /** What each action does; setting up what it acts on is done as admin. */
  enum Action {
    LIST_PLANS,
    GET_PLAN,
    RELOAD_PLANS,
    LIST_RUNS,
    GET_RUN,
    GET_RUN_EVENTS,
    GET_RUN_INTEGRITY,
    LIST_FINDINGS,
    GET_FINDING,
    CREATE_FINDING,
    CHANGE_FINDING,
    GET_COMPLIANCE,
    GET_COVERAGE,
    GET_RUN_REPORT,
    GET_RUN_PLAN,
    GET_RUN_EVENT,
    WHO_AM_I,
    LAUNCH_TABLETOP,
    ACKNOWLEDGE,
    APPROVE,
    REJECT,
    DECIDE_DRILL,
    DECIDE_RECOVERY,
    UNDO_RECOVERY_STEP,
    LAUNCH_DRILL,
    LAUNCH_RECOVERY,
    PRECHECK,
    CANCEL_DRILL,
    CANCEL_RECOVERY,
    RESUME_DRILL,
    RESUME_RECOVERY,
    LIST_TOKENS,
    CREATE_TOKEN,
    REVOKE_TOKEN,
    LIST_SCHEDULES,
    CREATE_SCHEDULE,
    PAUSE_SCHEDULE
  }

  @ParameterizedTest(name = "{0}: viewer {1}, operator {2}, commander {3}, admin {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          LIST_PLANS      | 200 | 200 | 200 | 200
          GET_PLAN        | 200 | 200 | 200 | 200
          RELOAD_PLANS    | 403 | 403 | 403 | 200
          LIST_RUNS       | 200 | 200 | 200 | 200
          GET_RUN         | 200 | 200 | 200 | 200
          GET_RUN_EVENTS  | 200 | 200 | 200 | 200
          GET_RUN_INTEGRITY | 200 | 200 | 200 | 200
          LIST_FINDINGS   | 200 | 200 | 200 | 200
          GET_FINDING     | 200 | 200 | 200 | 200
          CREATE_FINDING  | 403 | 201 | 201 | 201
          CHANGE_FINDING  | 403 | 200 | 200 | 200
          GET_COMPLIANCE  | 200 | 200 | 200 | 200
          GET_COVERAGE    | 200 | 200 | 200 | 200
          GET_RUN_REPORT  | 200 | 200 | 200 | 200
          GET_RUN_PLAN    | 200 | 200 | 200 | 200
          GET_RUN_EVENT   | 200 | 200 | 200 | 200
          WHO_AM_I        | 200 | 200 | 200 | 200
          LAUNCH_TABLETOP | 403 | 202 | 202 | 202
          ACKNOWLEDGE     | 403 | 200 | 200 | 200
          APPROVE         | 403 | 409 | 200 | 200
          REJECT          | 403 | 409 | 200 | 200
          DECIDE_DRILL    | 403 | 200 | 200 | 200
          DECIDE_RECOVERY | 403 | 403 | 200 | 200
          UNDO_RECOVERY_STEP | 403 | 403 | 202 | 202
          LAUNCH_DRILL    | 403 | 202 | 202 | 202
          LAUNCH_RECOVERY | 403 | 403 | 202 | 202
          PRECHECK        | 403 | 202 | 202 | 202
          CANCEL_DRILL    | 403 | 202 | 202 | 202
          CANCEL_RECOVERY | 403 | 403 | 202 | 202
          RESUME_DRILL    | 403 | 202 | 202 | 202
          RESUME_RECOVERY | 403 | 403 | 202 | 202
          LIST_TOKENS     | 403 | 403 | 403 | 200
          CREATE_TOKEN    | 403 | 403 | 403 | 201
          REVOKE_TOKEN    | 403 | 403 | 403 | 200
          LIST_SCHEDULES  | 200 | 200 | 200 | 200
          CREATE_SCHEDULE | 403 | 201 | 201 | 201
          PAUSE_SCHEDULE  | 403 | 200 | 200 | 200
          """)
  void answersEachRoleAsTheRulesSay(
      Action action, int viewer, int operator, int commander, int admin) throws Exception {
    Map<Role, Integer> expected =
        Map.of(
            Role.VIEWER, viewer,
            Role.OPERATOR, operator,
            Role.COMMANDER, commander,
            Role.ADMIN, admin);
    List<String> wrong = new ArrayList<>();
    for (Role role : Role.values()) {
      HttpResponse<String> response = perform(action, TestTokens.of(role));
      if (response.statusCode() != expected.get(role)) {
        wrong.add(
            role.apiName()
                + " got "
                + response.statusCode()
                + " (expected "
                + expected.get(role)
                + "): "
                + response.body());
      }
      if (response.statusCode() == 403) {
        assertThat(json.readTree(response.body()).path("error").path("code").asText())
            .as("a refused role gets a JSON error")
            .isEqualTo("forbidden");
      }
    }
    assertThat(wrong).as("%s answered differently than the role table says", action).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Action.class)
  void refusesEveryActionWithoutALiveToken(Action action) throws Exception {
    String unknown = ApiToken.generate(new SecureRandom()).reveal();
    for (String token : new String[] {null, unknown, revokedToken()}) {
      HttpResponse<String> response = perform(action, token);
      assertThat(response.statusCode())
          .as(
              "%s with %s: %s",
              action, token == null ? "no token" : "a dead token", response.body())
          .isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(json.readTree(response.body()).path("error").path("code").asText())
          .isIn("missing_token", "bad_token");
    }
  }

  private HttpResponse<String> perform(Action action, String token) throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    String drill = "{\"mode\": \"drill\", \"params\": {\"target\": \"x\"}}";
    return switch (action) {
      case LIST_PLANS -> api.get("/api/plans", token);
      case PRECHECK ->
          api.post("/api/plans/needs-params/precheck", "{\"params\": {\"target\": \"x\"}}", token);
      case GET_PLAN -> api.get("/api/plans/example-drill", token);
      case RELOAD_PLANS -> api.post("/api/plans/reload", "", token);
      case LIST_RUNS -> api.get("/api/runs", token);
      case GET_RUN -> api.get("/api/runs/" + launchAsAdmin("needs-params", drill), token);
      case GET_RUN_EVENTS ->
          api.get("/api/runs/" + launchAsAdmin("needs-params", drill) + "/events", token);
      case GET_RUN_INTEGRITY ->
          api.get("/api/runs/" + launchAsAdmin("needs-params", drill) + "/integrity", token);
      case LIST_FINDINGS -> api.get("/api/findings?plan=needs-params", token);
      case GET_FINDING -> api.get("/api/findings/" + findingAsAdmin(), token);
      case CREATE_FINDING -> api.post("/api/findings", FINDING, token);
      case CHANGE_FINDING ->
          api.send(
              "PATCH", "/api/findings/" + findingAsAdmin(), "{\"status\": \"in_progress\"}", token);
      case GET_COMPLIANCE -> api.get("/api/compliance?format=html", token);
      case GET_COVERAGE -> api.get("/api/coverage", token);
      case GET_RUN_REPORT ->
          api.get(
              "/api/runs/" + launchAsAdmin("needs-params", drill) + "/report?format=json", token);
      case GET_RUN_PLAN ->
          api.get("/api/runs/" + launchAsAdmin("needs-params", drill) + "/plan", token);
      case GET_RUN_EVENT -> {
        String id = launchAsAdmin("needs-params", drill);
        api.awaitRecorded(id, "run.started"); // the record trails the launch by a moment
        yield api.get("/api/runs/" + id + "/events/1", token);
      }
      case WHO_AM_I -> api.get("/api/me", token);
      case LAUNCH_TABLETOP ->
          api.post(
              "/api/plans/needs-params/runs",
              "{\"mode\": \"tabletop\", \"params\": {\"target\": \"x\"}}",
              token);
      case ACKNOWLEDGE ->
          api.post(
              "/api/runs/" + promptedTabletop() + "/steps/say/acknowledge",
              "{\"outcome\": \"ok\"}",
              token);
      case APPROVE ->
          api.post(
              "/api/runs/"
                  + awaiting("needs-approval", "drill", "awaiting_approval")
                  + "/steps/two-people/approve",
              "{}",
              token);
      case REJECT ->
          api.post(
              "/api/runs/"
                  + awaiting("needs-approval", "drill", "awaiting_approval")
                  + "/steps/two-people/reject",
              "{\"comment\": \"not now\"}",
              token);
      case DECIDE_DRILL ->
          api.post(
              "/api/runs/"
                  + awaiting("pauses", "drill", "awaiting_decision")
                  + "/steps/missing-dump/decide",
              "{\"decision\": \"abort\"}",
              token);
      case DECIDE_RECOVERY -> {
        String id = awaiting("pauses", "recovery", "awaiting_decision");
        HttpResponse<String> answer =
            api.post(
                "/api/runs/" + id + "/steps/missing-dump/decide",
                "{\"decision\": \"abort\"}",
                token);
        // A paused recovery is active: end it, whoever could not decide, before the next.
        endRecovery(id);
        yield answer;
      }
      case UNDO_RECOVERY_STEP -> {
        // The undo of mark is registered once mark has started; the recovery then waits.
        String id = launchAsAdmin("undoable", "{\"mode\": \"recovery\"}");
        api.waitForRun(
            id, run -> run.path("steps").path(0).path("status").asText().equals("succeeded"));
        HttpResponse<String> answer =
            api.post("/api/runs/" + id + "/steps/mark/undo", "{\"reason\": \"matrix\"}", token);
        endRecovery(id);
        yield answer;
      }
      case LAUNCH_DRILL -> api.post("/api/plans/needs-params/runs", drill, token);
      case LAUNCH_RECOVERY ->
          endedIfLaunched(
              api.post(
                  "/api/plans/needs-params/runs",
                  "{\"mode\": \"recovery\", \"params\": {\"target\": \"x\"}}",
                  token));
      case CANCEL_DRILL ->
          api.post(
              "/api/runs/" + launchAsAdmin("waits-forever", "{\"mode\": \"drill\"}") + "/cancel",
              "",
              token);
      case CANCEL_RECOVERY -> {
        String id = launchAsAdmin("waits-forever", "{\"mode\": \"recovery\"}");
        HttpResponse<String> answer = api.post("/api/runs/" + id + "/cancel", "", token);
        // A plan has one active recovery: end this one, whoever could not, before the next.
        api.post("/api/runs/" + id + "/cancel", "", TestTokens.ADMIN);
        api.waitForRun(id, run -> run.path("status").asText().equals("cancelled"));
        yield answer;
      }
      case RESUME_DRILL -> api.post("/api/runs/" + failedAsAdmin("drill") + "/resume", "{}", token);
      case RESUME_RECOVERY ->
          endedIfLaunched(
              api.post("/api/runs/" + failedAsAdmin("recovery") + "/resume", "{}", token));
      case LIST_TOKENS -> api.get("/api/tokens", token);
      case CREATE_TOKEN ->
          api.post(
              "/api/tokens",
              "{\"name\": \"matrix-" + NAMES.incrementAndGet() + "\", \"role\": \"viewer\"}",
              token);
      case REVOKE_TOKEN -> api.post("/api/tokens/" + createAsAdmin()[0] + "/revoke", "", token);
      case LIST_SCHEDULES -> api.get("/api/schedules", token);
      case CREATE_SCHEDULE -> api.post("/api/schedules", SCHEDULE, token);
      case PAUSE_SCHEDULE -> api.post("/api/schedules/" + scheduleAsAdmin() + "/pause", "", token);
    };
  }

  /** Waits for a launched recovery to end, so the plan's next recovery is not refused. */
  private HttpResponse<String> endedIfLaunched(HttpResponse<String> launched) throws Exception {
    if (launched.statusCode() == 202) {
      String id = json.readTree(launched.body()).path("id").asText();
      new TestApi(APP.getLocalPort())
          .waitForRun(id, run -> !run.path("status").asText().matches("pending|running"));
    }
    return launched;
  }

  /** A daily tabletop of needs-params (it never fires while the test runs). */
  static final String SCHEDULE =
      "{\"plan\": \"needs-params\", \"mode\": \"tabletop\", \"cron\": \"0 9 * * *\","
          + " \"params\": {\"target\": \"x\"}}";

  private String scheduleAsAdmin() throws Exception {
    HttpResponse<String> made =
        new TestApi(APP.getLocalPort()).post("/api/schedules", SCHEDULE, TestTokens.ADMIN);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return json.readTree(made.body()).path("id").asText();
  }

  private String launchAsAdmin(String plan, String body) throws Exception {
    HttpResponse<String> launched =
        new TestApi(APP.getLocalPort())
            .post("/api/plans/" + plan + "/runs", body, TestTokens.ADMIN);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  /**
   * A run of the example drill in {@code mode} that failed at its first step (its dump does not
   * exist), so it may be resumed.
   */
  private String failedAsAdmin(String mode) throws Exception {
    String id =
        launchAsAdmin(
            "example-drill",
            "{\"mode\": \""
                + mode
                + "\", \"params\": {\"backup_path\": \"/nonexistent/shop.dump\"}}");
    new TestApi(APP.getLocalPort())
        .waitForRun(id, run -> run.path("status").asText().equals("failed"));
    return id;
  }

  /** A tabletop run of needs-params whose one step awaits acknowledgement. */
  private String promptedTabletop() throws Exception {
    String id =
        launchAsAdmin("needs-params", "{\"mode\": \"tabletop\", \"params\": {\"target\": \"x\"}}");
    await("tabletop run " + id + " to prompt its step")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> new TestApi(APP.getLocalPort()).get("/api/runs/" + id, TestTokens.ADMIN).body(),
            run -> run.contains("awaiting_ack"));
    return id;
  }

  /**
   * A run of {@code plan} launched by the operator (an approval step's launcher may not approve it,
   * and the operator is the lowest role that may launch), once a step is {@code status}; an admin
   * launches the recoveries.
   */
  private String awaiting(String plan, String mode, String status) throws Exception {
    String token = mode.equals("recovery") ? TestTokens.ADMIN : TestTokens.OPERATOR;
    HttpResponse<String> launched =
        new TestApi(APP.getLocalPort())
            .post("/api/plans/" + plan + "/runs", "{\"mode\": \"" + mode + "\"}", token);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();
    await(plan + " run " + id + " to have a step " + status)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> new TestApi(APP.getLocalPort()).get("/api/runs/" + id, TestTokens.ADMIN).body(),
            run -> run.contains(status));
    return id;
  }

  /** Ends a recovery (an admin cancels it unless it is ending anyway) and waits until it has. */
  private void endRecovery(String id) throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    api.post("/api/runs/" + id + "/cancel", "", TestTokens.ADMIN);
    api.waitForRun(
        id,
        run ->
            RunStatus.fromApiName(run.path("status").asText())
                .map(RunStatus::isTerminal)
                .orElse(false));
  }

  /** A fresh viewer token: its id and the token itself. */
  private String[] createAsAdmin() throws Exception {
    HttpResponse<String> created =
        new TestApi(APP.getLocalPort())
            .post(
                "/api/tokens",
                "{\"name\": \"matrix-" + NAMES.incrementAndGet() + "\", \"role\": \"viewer\"}",
                TestTokens.ADMIN);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    var body = json.readTree(created.body());
    return new String[] {body.path("id").asText(), body.path("token").asText()};
  }

  private String revokedToken() throws Exception {
    String[] token = createAsAdmin();
    HttpResponse<String> revoked =
        new TestApi(APP.getLocalPort())
            .post("/api/tokens/" + token[0] + "/revoke", "", TestTokens.ADMIN);
    assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
    return token[1];
  }

  static final String FINDING =
      "{\"plan\": \"needs-params\", \"title\": \"Who restores the archive?\"}";

  /** A finding made by an admin, for the actions that read or change one. */
  private long findingAsAdmin() throws Exception {
    HttpResponse<String> made =
        new TestApi(APP.getLocalPort()).post("/api/findings", FINDING, TestTokens.ADMIN);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return json.readTree(made.body()).path("id").asLong();
  }
}
