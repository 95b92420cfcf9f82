package dev.lifeboat.activities.notify;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.lifeboat.activities.StepFailureType;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyActivityImplTest {
  private static final NotifyContext RECOVERY =
      new NotifyContext(
          "run-42",
          "recovery",
          "alice",
          "orders-db",
          "Orders database failover",
          "restore",
          "data",
          Map.of("region", "eu-west"),
          List.of(
              new NotifyContext.StepSummary("verify", "succeeded", "custom dump, 3h old"),
              new NotifyContext.StepSummary("restore", "running", "")));

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private final NotifyActivityImpl activity = new NotifyActivityImpl(HttpClient.newHttpClient());
  private HttpServer server;
  private String base;

  @BeforeEach
  void startWebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          received.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          respond(exchange, 200, "ok");
        });
    server.createContext("/broken", exchange -> respond(exchange, 500, "internal error"));
    server.createContext("/rejecting", exchange -> respond(exchange, 400, "invalid_payload"));
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopWebhookReceiver() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private NotifyResult webhook(String url, String template) {
    return activity.notify(new NotifyRequest(NotifyChannel.WEBHOOK, url, template, RECOVERY));
  }

  private NotifyResult log(String template, NotifyContext context) {
    return activity.notify(new NotifyRequest(NotifyChannel.LOG, null, template, context));
  }

  @Nested
  class Webhook {
    @Test
    void receivesJsonTextRenderedFromRunPlanStepAndParams() throws IOException {
      NotifyResult result =
          webhook(
              base + "/hook?token=abc",
              "${plan.title}: ${step.id} in ${step.stage} (run ${run.id}, ${run.mode}, by"
                  + " ${run.launcher}) region=${params.region};"
                  + "<#list steps as s> ${s.id}=${s.status}</#list>");

      String expected =
          "Orders database failover: restore in data (run run-42, recovery, by alice)"
              + " region=eu-west; verify=succeeded restore=running";
      assertThat(received).hasSize(1);
      assertThat(new ObjectMapper().readTree(received.get(0)).get("text").asText())
          .isEqualTo(expected);
      assertThat(contentTypes).containsExactly("application/json");
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.message()).isEqualTo(expected);
      assertThat(result.summary()).isEqualTo("posted to " + base + "/hook (200)");
    }

    @Test
    void serverErrorIsRetryableAndHidesTheToken() {
      ApplicationFailure failure = failureOf(() -> webhook(base + "/broken?token=s3cret", "hi"));

      assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
      assertThat(failure.isNonRetryable()).isFalse();
      assertThat(failure.getOriginalMessage())
          .isEqualTo("webhook " + base + "/broken answered 500: internal error")
          .doesNotContain("s3cret");
    }

    @Test
    void clientErrorIsNotRetriedAndShowsTheAnswer() {
      ApplicationFailure failure = failureOf(() -> webhook(base + "/rejecting", "hi"));

      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .isEqualTo("webhook " + base + "/rejecting answered 400: invalid_payload");
    }

    @Test
    void unreachableReceiverIsRetryable() throws IOException {
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      String url = "http://127.0.0.1:" + closed + "/hook";

      ApplicationFailure failure = failureOf(() -> webhook(url, "hi"));

      assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
      assertThat(failure.getOriginalMessage()).startsWith("webhook " + url + " unreachable");
    }
  }

  @Nested
  class Log {
    @Test
    void returnsTheRenderedMessage() {
      NotifyResult result = log("Run ${run.id} reached ${step.id}", RECOVERY);

      assertThat(result.channel()).isEqualTo(NotifyChannel.LOG);
      assertThat(result.message()).isEqualTo("Run run-42 reached restore");
    }

    @Test
    void marksADrillRequestRecordedWithoutAPrefixAsBefore() {
      NotifyContext drill =
          new NotifyContext("run-7", "drill", null, "orders-db", "Orders", "s", "st", null, null);

      NotifyResult result = log("Failover of ${plan.title} started", drill);

      assertThat(result.message()).isEqualTo("[DRILL] Failover of Orders started");
    }

    @Test
    void prefixesTheTextAsTheRequestSaysOnce() {
      NotifyContext drill =
          new NotifyContext("run-7", "drill", null, "orders-db", "Orders", "s", "st", null, null);

      NotifyResult marked =
          activity.notify(
              new NotifyRequest(
                  NotifyChannel.LOG, null, "Failover of ${plan.title}", drill, "[DRILL] "));
      NotifyResult unmarked =
          activity.notify(
              new NotifyRequest(NotifyChannel.LOG, null, "Failover of ${plan.title}", drill, ""));

      assertThat(marked.message()).isEqualTo("[DRILL] Failover of Orders");
      assertThat(unmarked.message())
          .as("the workflow's prefix decides, not the activity's reading of the mode")
          .isEqualTo("Failover of Orders");
    }
  }

  @Nested
  class Templates {
    @Test
    void missingValueIsANonRetryableTemplateError() {
      ApplicationFailure failure = failureOf(() -> log("Hi ${params.nope}", RECOVERY));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .startsWith("notification template error at line 1, column 6: ")
          .contains("params.nope");
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
      ApplicationFailure failure = failureOf(() -> log("ok\n<#if>", RECOVERY));

      assertThat(failure.getOriginalMessage()).startsWith("notification template error at line 2");
    }

    @Test
    void cannotInstantiateJavaClasses(@TempDir Path dir) {
      Path proof = dir.resolve("executed");
      String attack =
          "<#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"touch "
              + proof
              + "\")}";

      ApplicationFailure failure = failureOf(() -> log(attack, RECOVERY));

      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage()).contains("not allowed");
      assertThat(Files.exists(proof)).as("the template must not have run a command").isFalse();
    }

    @Test
    void cannotReachJavaApiOfTheModel() {
      ApplicationFailure failure = failureOf(() -> log("${params?api.getClass()}", RECOVERY));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.getOriginalMessage()).contains("api");
    }

    @Test
    void cannotIncludeFilesFromTheWorker() {
      ApplicationFailure failure = failureOf(() -> log("<#include \"/etc/passwd\">", RECOVERY));

      assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
      assertThat(failure.getOriginalMessage()).doesNotContain("root:");
    }
  }
}
