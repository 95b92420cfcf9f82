package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.SampleDump;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.cli.PrecheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.sourceforge.argparse4j.inf.Namespace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A readiness precheck through the whole service: launched over HTTP as an operator, checked by the
 * server's own worker against the test PostgreSQL, a real pg_dump with its sha256 sidecar, a secret
 * nobody set and the configured tokens, and read back as a run of mode precheck.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrecheckAppTest {
  /** Never set in the test's environment: the precheck must say so without a value to print. */
  static final String MISSING = "LB_PRECHECK_TEST_NEVER_SET";

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_precheck", plans());

  static Path dump;
  final ObjectMapper json = new ObjectMapper();

  private static Path plans() {
    Path folder = TestPlans.folder();
    try {
      Files.writeString(
          folder.resolve("readiness.yml"),
          """
          name: readiness
          title: A plan to precheck
          owner: tests
          objectives: {rto: 1h, rpo: 24h}
          params:
            dump: {type: string, required: true}
          secrets:
            hook: env:%s
          stages:
            - name: check
              steps:
                - {id: backup, kind: verify-backup, path: "${params.dump}", require_checksum: true}
                - {id: db, kind: sql, server: local, statement: "select 1"}
                - {id: gate, kind: approval, approvers: 3, role: commander, timeout: 10m}
                - id: hook
                  kind: notify
                  channel: webhook
                  url: "http://localhost:9/hook/${secrets.hook}"
                  message: hi
          """
              .formatted(MISSING));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  @BeforeAll
  static void makeBackup() throws Exception {
    dump = SampleDump.create(pg, Files.createTempDirectory("precheck-dump"), 100);
    Files.writeString(
        dump.resolveSibling(dump.getFileName() + ".sha256"),
        Sha256.of(dump) + "  " + dump.getFileName() + "\n");
  }

  private TestApi api() {
    return new TestApi(APP.getLocalPort());
  }

  private String body() {
    return "{\"params\": {\"dump\": \"" + dump + "\"}}";
  }

  @Test
  void checksEveryStepAndRecordsTheChecksAsAPrecheckRun() throws Exception {
    HttpResponse<String> answer =
        api().post("/api/plans/readiness/precheck?wait=60", body(), TestTokens.OPERATOR);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode precheck = json.readTree(answer.body());
    List<String> lines = new ArrayList<>();
    precheck.path("lines").forEach(line -> lines.add(line.asText()));
    assertThat(lines)
        .as("one line per check, in plan order")
        .satisfiesExactly(
            line ->
                assertThat(line)
                    .startsWith("ok    backup  backup " + dump + ": backup age ")
                    .endsWith("(rpo 24h), sha256 verified"),
            line -> assertThat(line).startsWith("ok    db  server local: reachable, a primary"),
            line ->
                assertThat(line)
                    .isEqualTo(
                        "fail  gate  approvers commander: 2 people hold commander or above with"
                            + " a live token; 3 distinct needed"),
            line -> assertThat(line).startsWith("ok    hook  http localhost: resolves to"),
            line ->
                assertThat(line)
                    .startsWith("fail  hook  secret env:" + MISSING + ": ")
                    .contains("not set"),
            line ->
                assertThat(line).isEqualTo("ok    hook  template: renders with this run's values"));
    assertThat(precheck.path("verdict").asText()).isEqualTo("fail");
    assertThat(answer.body()).as("the hook's url path is never shown").doesNotContain("/hook/");

    String id = precheck.path("runId").asText();
    JsonNode run = json.readTree(api().get("/api/runs/" + id, TestTokens.VIEWER).body());
    assertThat(run.path("mode").asText()).isEqualTo("precheck");
    assertThat(run.path("status").asText()).isEqualTo("failed");
    api().awaitRecorded(id, "run.verdict");
    String events = api().get("/api/runs/" + id + "/events", TestTokens.VIEWER).body();
    assertThat(events.split("\"type\":\"precheck.check\"", -1)).hasSize(7);
  }

  @Test
  void theCliPrintsOneLinePerCheckAndExitsNonZeroOnAFail() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    AtomicInteger exit = new AtomicInteger(-1);
    PrecheckCommand command =
        new PrecheckCommand(new PrintStream(printed, true, StandardCharsets.UTF_8), exit::set);

    command.run(
        new Bootstrap<>(new LifeboatApplication()),
        new Namespace(
            Map.of(
                "plan",
                "readiness",
                "param",
                List.of("dump=" + dump),
                "url",
                "http://127.0.0.1:" + APP.getLocalPort(),
                "token",
                TestTokens.OPERATOR,
                "timeout",
                60)));

    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("\nok    db  server local: reachable")
        .contains("\nfail  gate  approvers commander: 2 people hold")
        .endsWith("verdict: fail\n");
    assertThat(exit.get()).as(out).isEqualTo(1);
  }

  @Test
  void anOperatorGetsTheRunAtOnceWithoutWaiting() throws Exception {
    HttpResponse<String> answer =
        api().post("/api/plans/readiness/precheck", body(), TestTokens.OPERATOR);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    JsonNode started = json.readTree(answer.body());
    assertThat(started.path("run").asText())
        .isEqualTo("/api/runs/" + started.path("runId").asText());
    api()
        .waitForRun(
            started.path("runId").asText(), run -> run.path("status").asText().equals("failed"));
  }

  @Test
  void refusesAnUnknownPlanBadParamsAndAViewerStoringNothing() throws Exception {
    String before = api().get("/api/runs?plan=readiness&mode=precheck", TestTokens.VIEWER).body();

    HttpResponse<String> unknown =
        api().post("/api/plans/no-such-plan/precheck", "{}", TestTokens.OPERATOR);
    HttpResponse<String> missing =
        api().post("/api/plans/readiness/precheck", "{\"params\": {}}", TestTokens.OPERATOR);
    HttpResponse<String> viewer =
        api().post("/api/plans/readiness/precheck", body(), TestTokens.VIEWER);
    HttpResponse<String> badWait =
        api().post("/api/plans/readiness/precheck?wait=9999", body(), TestTokens.OPERATOR);

    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(404);
    assertThat(unknown.body()).contains("unknown_plan");
    assertThat(missing.statusCode()).as(missing.body()).isEqualTo(422);
    assertThat(missing.body()).contains("dump");
    assertThat(viewer.statusCode()).as(viewer.body()).isEqualTo(403);
    assertThat(badWait.statusCode()).as(badWait.body()).isEqualTo(400);
    assertThat(badWait.body()).contains("bad_wait");
    assertThat(api().get("/api/runs?plan=readiness&mode=precheck", TestTokens.VIEWER).body())
        .as("a refused precheck is not recorded")
        .isEqualTo(before);
  }
}
