package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 11.5 through the whole service with real PostgreSQL: a plan has one active recovery at a
 * time, also when launches race; no drill of a plan while it is being recovered; drills overlap
 * unless the plan says {@code drills: exclusive}. Each refusal is a 409 naming the active run.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OneRecoveryPerPlanTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_onerecovery", plans());

  final ObjectMapper json = new ObjectMapper();
  final TestApi api = new TestApi(APP.getLocalPort());

  @Test
  void concurrentRecoveriesOfOnePlanStartOneAndReferTheOthersToIt() throws Exception {
    List<HttpResponse<String>> answers = concurrently(6, "slow", "recovery", TestTokens.COMMANDER);

    List<HttpResponse<String>> accepted =
        answers.stream().filter(a -> a.statusCode() == 202).toList();
    assertThat(accepted).as("exactly one recovery starts: %s", bodies(answers)).hasSize(1);
    String active = json.readTree(accepted.get(0).body()).path("id").asText();
    for (HttpResponse<String> refused : answers) {
      if (refused == accepted.get(0)) {
        continue;
      }
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
      JsonNode error = json.readTree(refused.body()).path("error");
      assertThat(error.path("code").asText()).isEqualTo("recovery_active");
      assertThat(error.path("message").asText())
          .startsWith("plan slow is being recovered: run " + active + " (recovery, ")
          .contains("launched by test-commander")
          .endsWith("a plan has one recovery at a time, so wait for it to end or cancel it");
    }

    HttpResponse<String> drill = launch("slow", "drill", TestTokens.OPERATOR);
    assertThat(drill.statusCode()).as(drill.body()).isEqualTo(409);
    assertThat(json.readTree(drill.body()).path("error").path("message").asText())
        .contains("run " + active)
        .contains("a plan is not drilled while it is being recovered");
    assertThat(launch("other-slow", "recovery", TestTokens.COMMANDER).statusCode())
        .as("another plan is not held up")
        .isEqualTo(202);

    cancelAndWait(active);
    HttpResponse<String> next = launch("slow", "recovery", TestTokens.COMMANDER);
    assertThat(next.statusCode()).as("once it ended, a new recovery may start").isEqualTo(202);
    cancelAndWait(json.readTree(next.body()).path("id").asText());
  }

  @Test
  void drillsOverlapUnlessThePlanSaysDrillsExclusive() throws Exception {
    HttpResponse<String> first = launch("overlapping", "drill", TestTokens.OPERATOR);
    HttpResponse<String> second = launch("overlapping", "drill", TestTokens.OPERATOR);
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(202);

    List<HttpResponse<String>> exclusive =
        concurrently(4, "exclusive-drills", "drill", TestTokens.OPERATOR);
    List<HttpResponse<String>> accepted =
        exclusive.stream().filter(a -> a.statusCode() == 202).toList();
    assertThat(accepted).as(bodies(exclusive)).hasSize(1);
    String active = json.readTree(accepted.get(0).body()).path("id").asText();
    HttpResponse<String> refused =
        exclusive.stream().filter(a -> a.statusCode() != 202).findFirst().orElseThrow();
    assertThat(refused.statusCode()).isEqualTo(409);
    JsonNode error = json.readTree(refused.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("drill_active");
    assertThat(error.path("message").asText())
        .startsWith(
            "plan exclusive-drills says drills: exclusive, and a drill of it is active: run "
                + active);

    for (HttpResponse<String> launched : List.of(first, second, accepted.get(0))) {
      cancelAndWait(json.readTree(launched.body()).path("id").asText());
    }
  }

  private List<HttpResponse<String>> concurrently(int n, String plan, String mode, String token)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<HttpResponse<String>> call =
            () -> {
              go.await();
              return launch(plan, mode, token);
            };
        futures.add(pool.submit(call));
      }
      go.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> future : futures) {
        answers.add(future.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String bodies(List<HttpResponse<String>> answers) {
    return answers.stream().map(a -> a.statusCode() + " " + a.body()).toList().toString();
  }

  private HttpResponse<String> launch(String plan, String mode, String token) throws Exception {
    return api.post(
        "/api/plans/" + plan + "/runs", "{\"mode\": \"" + mode + "\", \"params\": {}}", token);
  }

  private void cancelAndWait(String id) throws Exception {
    api.post("/api/runs/" + id + "/cancel", "", TestTokens.COMMANDER);
    api.waitForRun(id, r -> r.path("status").asText().equals("cancelled"));
  }

  /** Plans whose one step waits for a port nobody listens on, so their runs stay active. */
  private static Path plans() {
    try {
      Path folder = TestPlans.folder();
      for (String name : List.of("slow", "other-slow", "overlapping", "exclusive-drills")) {
        Files.writeString(
            folder.resolve(name + ".yml"),
            """
            name: %s
            title: A run that stays active until cancelled
            owner: tests
            objectives: {rto: 5m, rpo: 1h}
            %s
            stages:
              - name: wait
                steps:
                  - id: wait-for-nothing
                    kind: health-check
                    tcp: {host: 127.0.0.1, port: 1, connect_timeout: 1s}
                    until_healthy: 5m
                    poll_interval: 1s
                    timeout: 6m
            """
                .formatted(name, name.equals("exclusive-drills") ? "drills: exclusive" : ""));
      }
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
