package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.LifeboatAppTest.stepOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.cli.ResumeCommand;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import dev.lifeboat.app.runs.RunReconciler;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.runs.TemporalRunLauncher;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.store.StateColumns;
import dev.lifeboat.app.temporal.TemporalConnection;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Resuming runs through the whole service, with the record in real PostgreSQL: a failed drill is
 * fixed and resumed, its succeeded steps carried over and not run again, and the two runs name each
 * other; a changed runbook is refused unless the current one is asked for; an interrupted run (its
 * workflow lost, as when the embedded Temporal server restarts) resumes like a failed one; and what
 * cannot be resumed is refused, naming why.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ResumeAppTest {
  /** Closed while the first runs go, opened by the tests as "the fix". */
  static final int FIXED_PORT = FreePorts.next();

  static final int INTERRUPTED_PORT = FreePorts.next();
  static final int TEMPORAL_PORT = FreePorts.next();
  static final int UNDONE_PORT = FreePorts.next();
  static final Path PLANS = plans();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_resume",
          PLANS,
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)));

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  static Path plans() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-resume");
      Files.writeString(folder.resolve("needs-port.yml"), probing("needs-port", FIXED_PORT, ""));
      Files.writeString(
          folder.resolve("waits-for-port.yml"),
          probing("waits-for-port", INTERRUPTED_PORT, "until_healthy: 10m\n        timeout: 11m"));
      Files.writeString(folder.resolve("changes.yml"), probing("changes", 9, ""));
      Files.writeString(
          folder.resolve("undone.yml"),
          """
          name: undone
          title: A scratch table undone at the drill's end, then a probe that fails
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: first
              steps:
                - {id: first, kind: notify, channel: log, message: first}
            - name: make
              steps:
                - id: make
                  kind: sql
                  server: local
                  statement: create table "resume_scratch_${run.id}" (id int)
                  undo:
                    id: unmake
                    kind: sql
                    server: local
                    statement: drop table if exists "resume_scratch_${run.id}"
            - name: probe
              steps:
                - id: probe
                  kind: health-check
                  tcp: {host: 127.0.0.1, port: %d, connect_timeout: 1s}
                  retry: {attempts: 1}
          """
              .formatted(UNDONE_PORT));
      Files.writeString(folder.resolve("just-fails.yml"), probing("just-fails", 9, ""));
      Files.writeString(
          folder.resolve("just-works.yml"),
          """
          name: just-works
          title: Succeeds at once
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: one
              steps:
                - {id: say, kind: notify, channel: log, message: hi}
          """);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A notify step; then, side by side, another and a probe of {@code port}; then a last notify. */
  static String probing(String name, int port, String probePolicy) {
    return """
        name: %s
        title: A probe of a port that opens later
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: first
            steps:
              - {id: first, kind: notify, channel: log, message: "first of ${run.id}"}
          - name: probe
            steps:
              - {id: beside, kind: notify, channel: log, message: beside}
              - id: probe
                kind: health-check
                tcp: {host: 127.0.0.1, port: %d, connect_timeout: 1s}
                retry: {attempts: 1}
                %s
          - name: last
            steps:
              - id: last
                kind: notify
                channel: log
                message: "<#list steps as s>${s.id}: ${s.summary}; </#list>"
        """
        .formatted(name, port, probePolicy);
  }

  @Test
  void aFailedDrillIsFixedAndResumedWithoutRunningItsSucceededStepsAgain() throws Exception {
    String failed = launchDrill("needs-port");
    JsonNode first = awaitEnded(failed);
    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("failed");

    try (ServerSocket fix = new ServerSocket(FIXED_PORT, 50, InetAddress.getLoopbackAddress())) {
      HttpResponse<String> resumed =
          api.post("/api/runs/" + failed + "/resume", "", TestTokens.OPERATOR);
      assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
      String id = json.readTree(resumed.body()).path("id").asText();
      assertThat(resumed.headers().firstValue("Location").orElseThrow())
          .endsWith("/api/runs/" + id);

      JsonNode run = awaitEnded(id);
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(run.path("resumedFrom").asText()).isEqualTo(failed);
      assertThat(run.path("launcher").asText()).isEqualTo("test-operator");
      assertThat(run.path("planSha256").asText()).isEqualTo(first.path("planSha256").asText());
      for (String carried : List.of("first", "beside")) {
        JsonNode step = stepOf(run, carried);
        assertThat(step.path("status").asText()).isEqualTo("succeeded");
        assertThat(step.path("carriedOverFrom").asText()).isEqualTo(failed);
        assertThat(step.path("startedAt").asText())
            .as("what %s recorded in the failed run", carried)
            .isEqualTo(stepOf(first, carried).path("startedAt").asText());
      }
      assertThat(stepOf(run, "probe").has("carriedOverFrom")).isFalse();
      assertThat(stepOf(run, "last").path("summary").asText())
          .isEqualTo("logged to lifeboat.notify");

      JsonNode events =
          json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body());
      assertThat(startedSteps(events))
          .as("the carried-over steps did not run again")
          .containsExactly("probe", "last");
      assertThat(typesOf(events, "first")).containsExactly("step.carried_over");

      JsonNode old = json.readTree(api.get("/api/runs/" + failed, TestTokens.VIEWER).body());
      assertThat(old.path("resumedBy").asText()).isEqualTo(id);
      assertThat(old.path("status").asText())
          .as("the old run is never rewritten")
          .isEqualTo("failed");

      HttpResponse<String> again =
          api.post("/api/runs/" + failed + "/resume", "{}", TestTokens.OPERATOR);
      assertRefused(again, 409, "already_resumed", "already resumed by run " + id);
      assertRefused(
          api.post("/api/runs/" + id + "/resume", "{}", TestTokens.OPERATOR),
          409,
          "run_succeeded",
          "ended succeeded");
    }
  }

  @Test
  void aDrillStepWhoseUndoRanIsRunAgainNotCarriedOver() throws Exception {
    String failed = launchDrill("undone");
    JsonNode first = awaitEnded(failed);
    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("failed");
    assertThat(first.path("cleanup").asText()).as("make's table was dropped").isEqualTo("complete");

    try (ServerSocket fix = new ServerSocket(UNDONE_PORT, 50, InetAddress.getLoopbackAddress())) {
      HttpResponse<String> resumed =
          api.post("/api/runs/" + failed + "/resume", "", TestTokens.OPERATOR);
      assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
      String id = json.readTree(resumed.body()).path("id").asText();

      JsonNode run = awaitEnded(id);
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(stepOf(run, "first").path("carriedOverFrom").asText()).isEqualTo(failed);
      assertThat(stepOf(run, "make").has("carriedOverFrom"))
          .as("its undo ran at the failed drill's end, so what it made is gone")
          .isFalse();
      assertThat(stepOf(run, "make").path("status").asText()).isEqualTo("succeeded");
      JsonNode events =
          json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body());
      assertThat(startedSteps(events)).containsExactly("make", "probe");
      assertThat(run.path("cleanup").asText())
          .as("the table made again is dropped again")
          .isEqualTo("complete");
    }
  }

  @Test
  void aChangedRunbookIsRefusedUnlessTheCurrentPlanIsAskedFor() throws Exception {
    String failed = launchDrill("changes");
    JsonNode first = awaitEnded(failed);
    assertThat(first.path("status").asText()).isEqualTo("failed");
    Files.writeString(
        PLANS.resolve("changes.yml"),
        probing("changes", 9, "").replace("A probe of a port", "A changed probe of a port"));
    HttpResponse<String> reload = api.post("/api/plans/reload", "", TestTokens.ADMIN);
    assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);

    assertRefused(
        api.post("/api/runs/" + failed + "/resume", "", TestTokens.OPERATOR),
        409,
        "plan_changed",
        "changed since run " + failed + " started");
    assertRefused(
        api.post("/api/runs/" + failed + "/resume", "{\"plan\": \"newest\"}", TestTokens.OPERATOR),
        400,
        "bad_plan",
        "got 'newest'");
    assertThat(
            json.readTree(api.get("/api/runs/" + failed, TestTokens.VIEWER).body())
                .has("resumedBy"))
        .as("a refused resume changes nothing")
        .isFalse();

    HttpResponse<String> resumed =
        api.post("/api/runs/" + failed + "/resume", "{\"plan\": \"current\"}", TestTokens.OPERATOR);
    assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
    JsonNode run = awaitEnded(json.readTree(resumed.body()).path("id").asText());
    assertThat(run.path("planSha256").asText())
        .as("the current runbook ran")
        .isNotEqualTo(first.path("planSha256").asText());
    assertThat(stepOf(run, "first").path("carriedOverFrom").asText()).isEqualTo(failed);
    assertThat(run.path("status").asText()).as("port 9 is still closed").isEqualTo("failed");
  }

  @Test
  void anInterruptedRunIsResumedFromTheRecord() throws Exception {
    String id = launchDrill("waits-for-port");
    api.waitForRun(id, run -> stepOf(run, "probe").path("status").asText().equals("running"));
    api.awaitRecorded(id, "step.succeeded");
    awaitStartRecorded(id, "probe");
    assertRefused(
        api.post("/api/runs/" + id + "/resume", "", TestTokens.OPERATOR),
        409,
        "run_not_ended",
        "is still running");

    loseWorkflowAndRestart(id);
    JsonNode interrupted = json.readTree(api.get("/api/runs/" + id, TestTokens.VIEWER).body());
    assertThat(interrupted.path("status").asText()).isEqualTo("interrupted");

    try (ServerSocket fix =
        new ServerSocket(INTERRUPTED_PORT, 50, InetAddress.getLoopbackAddress())) {
      HttpResponse<String> resumed =
          api.post("/api/runs/" + id + "/resume", "", TestTokens.OPERATOR);
      assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(202);
      JsonNode run = awaitEnded(json.readTree(resumed.body()).path("id").asText());
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(stepOf(run, "first").path("carriedOverFrom").asText()).isEqualTo(id);
      assertThat(stepOf(run, "beside").path("carriedOverFrom").asText()).isEqualTo(id);
      assertThat(stepOf(run, "probe").has("carriedOverFrom")).as("it was interrupted").isFalse();
    }
  }

  @Test
  void lifeboatResumeStartsTheNewRunAndFollowsIt() throws Exception {
    String failed = launchDrill("just-fails");
    awaitEnded(failed);
    Namespace args =
        new Namespace(
            Map.of(
                "run",
                failed,
                "url",
                "http://127.0.0.1:" + APP.getLocalPort(),
                "token",
                TestTokens.OPERATOR,
                "timeout",
                60));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    Throwable ended;
    try {
      ended =
          catchThrowable(
              () -> new ResumeCommand().run(new Bootstrap<>(new LifeboatApplication()), args));
    } finally {
      System.setOut(stdout);
    }

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .containsPattern("run \\S+ of just-fails resumes run " + failed)
        .contains("carried over from run " + failed + ": logged to lifeboat.notify");
    assertThat(ended)
        .as("the probe fails again, so the command exits non-zero; it printed:%n%s", out)
        .hasMessageStartingWith("run ")
        .hasMessageContaining(" failed (failed: probe)")
        .hasMessageContaining("verdict: fail — step probe failed");
  }

  @Test
  void refusesWhatCannotBeResumedNamingWhy() throws Exception {
    assertRefused(
        api.post("/api/runs/" + UUID.randomUUID() + "/resume", "", TestTokens.OPERATOR),
        404,
        "unknown_run",
        "no run with id");
    String succeeded = launchDrill("just-works");
    awaitEnded(succeeded);
    assertRefused(
        api.post("/api/runs/" + succeeded + "/resume", "", TestTokens.OPERATOR),
        409,
        "run_succeeded",
        "nothing to resume");
    assertRefused(
        api.post("/api/runs/" + succeeded + "/resume", "", TestTokens.VIEWER),
        403,
        "forbidden",
        "");
  }

  /**
   * What a restart of the embedded Temporal server does to a run: its workflow is gone (here
   * terminated), and the next start's reconciler, asking a Temporal server that never heard of it,
   * marks the run interrupted.
   */
  private void loseWorkflowAndRestart(String id) throws Exception {
    TemporalConnection appTemporal = TemporalConnection.to("127.0.0.1:" + TEMPORAL_PORT, "default");
    appTemporal
        .client()
        .newUntypedWorkflowStub(TemporalRunLauncher.workflowId(id))
        .terminate("the test stands in for a restart of the embedded Temporal server");
    appTemporal.stop();
    EmbeddedTemporalServer restarted = EmbeddedTemporalServer.start("127.0.0.1", 0);
    TemporalConnection fresh = TemporalConnection.to(restarted.target(), "default");
    try {
      Jdbi jdbi =
          Jdbi.create(
                  APP.getConfiguration().getDatabase().getUrl(),
                  APP.getConfiguration().getDatabase().getUser(),
                  "")
              .installPlugin(new SqlObjectPlugin())
              .installPlugin(new StateColumns());
      int marked =
          new RunReconciler(
                  jdbi.onDemand(RunDao.class),
                  jdbi.onDemand(RunEventDao.class),
                  new RunStore(jdbi),
                  new StepStatesFromRecord(json),
                  fresh.stubs(),
                  fresh.namespace(),
                  Clock.systemUTC())
              .reconcile();
      assertThat(marked).isGreaterThanOrEqualTo(1);
    } finally {
      fresh.stop();
      restarted.stop();
    }
  }

  private String launchDrill(String plan) throws Exception {
    HttpResponse<String> launched =
        api.post("/api/plans/" + plan + "/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private JsonNode awaitEnded(String id) throws Exception {
    return api.waitForRun(
        id,
        run ->
            !run.path("live").asBoolean()
                && !run.path("status").asText().matches("pending|running"));
  }

  private void awaitStartRecorded(String id, String stepId) throws Exception {
    for (int i = 0; i < 150; i++) {
      JsonNode events =
          json.readTree(api.get("/api/runs/" + id + "/events", TestTokens.VIEWER).body());
      if (startedSteps(events).contains(stepId)) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("run " + id + " never recorded the start of " + stepId);
  }

  private static List<String> startedSteps(JsonNode events) {
    List<String> started = new java.util.ArrayList<>();
    events.forEach(
        e -> {
          if (e.path("type").asText().equals("step.started")) {
            started.add(e.path("stepId").asText());
          }
        });
    return started;
  }

  private static List<String> typesOf(JsonNode events, String stepId) {
    List<String> types = new java.util.ArrayList<>();
    events.forEach(
        e -> {
          if (e.path("stepId").asText().equals(stepId)) {
            types.add(e.path("type").asText());
          }
        });
    return types;
  }

  private void assertRefused(HttpResponse<String> response, int status, String code, String says)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
    assertThat(error.path("message").asText()).contains(says);
  }
}
