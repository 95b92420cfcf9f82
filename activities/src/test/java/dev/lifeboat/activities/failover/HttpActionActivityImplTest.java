package dev.lifeboat.activities.failover;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.secrets.LocalSecrets;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpActionActivityImplTest {
  private static final String TOKEN = "Bearer s3cr3t-token-value";

  private final Map<String, String> received = new LinkedHashMap<>();
  private ExecutorService handlers;
  private HttpServer server;
  private String base;
  private TestActivityEnvironment env;
  private HttpActionActivity activity;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/pools/web/members/dr-1",
        exchange -> {
          received.put("method", exchange.getRequestMethod());
          received.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
          received.put("content-type", exchange.getRequestHeaders().getFirst("Content-Type"));
          received.put("query", exchange.getRequestURI().getRawQuery());
          received.put(
              "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          respond(exchange, 200, "{\n  \"member\": \"dr-1\",\n  \"weight\": 100\n}");
        });
    server.createContext("/status/", exchange -> respondWithStatusFromPath(exchange));
    server.createContext(
        "/slow",
        exchange -> {
          sleep(2000);
          respond(exchange, 200, "late");
        });
    handlers = Executors.newCachedThreadPool();
    server.setExecutor(handlers);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();

    env = TestActivityEnvironment.newInstance();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    env.registerActivitiesImplementations(
        new HttpActionActivityImpl(http, new LocalSecrets(Map.of("LB_TOKEN", TOKEN))));
    activity =
        env.newActivityStub(
            HttpActionActivity.class, SingleAttempt.within(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void stop() {
    env.close();
    server.stop(0);
    handlers.shutdownNow();
  }

  @Test
  void sendsMethodHeadersAndBodyAndReturnsTheExpectedAnswer() {
    HttpActionResult result =
        activity.httpAction(
            new HttpActionRequest(
                "PUT",
                base + "/pools/web/members/dr-1?api_key=k3y",
                Map.of("Authorization", TOKEN, "Content-Type", "application/json"),
                "{\"weight\": 100}",
                200,
                Duration.ofSeconds(5)));

    assertThat(received)
        .as("what the API received")
        .containsEntry("method", "PUT")
        .containsEntry("authorization", TOKEN)
        .containsEntry("content-type", "application/json")
        .containsEntry("query", "api_key=k3y")
        .containsEntry("body", "{\"weight\": 100}");
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.bodyExcerpt()).isEqualTo("{ \"member\": \"dr-1\", \"weight\": 100 }");
    assertThat(result.latencyMillis()).isNotNegative();
    assertThat(result.summary())
        .contains("PUT " + base + "/pools/web/members/dr-1 answered 200")
        .doesNotContain("k3y");
  }

  @Test
  void acceptsAny2xxWhenNoStatusIsExpected() {
    HttpActionResult result =
        activity.httpAction(
            new HttpActionRequest("DELETE", base + "/status/204", null, null, 0, null));

    assertThat(result.status()).isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(ints = {503, 500, 429, 408})
  void retriesAnswersThatMayChangeOnTheirOwn(int status) {
    ApplicationFailure failure = failureOf(() -> activity.httpAction(call("/status/" + status)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.isNonRetryable()).as("a " + status + " may pass on retry").isFalse();
    assertThat(failure.getOriginalMessage())
        .contains("POST " + base + "/status/" + status, "answered " + status, "expected 200");
    assertNoSecretsIn(failure);
  }

  @ParameterizedTest
  @ValueSource(ints = {404, 401, 400, 201})
  void failsAtOnceOnAnswersThatRetryingWillNotChange(int status) {
    ApplicationFailure failure = failureOf(() -> activity.httpAction(call("/status/" + status)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.isNonRetryable()).as("a " + status + " will not change on retry").isTrue();
    assertThat(failure.getOriginalMessage()).contains("answered " + status);
    assertNoSecretsIn(failure);
  }

  @Test
  void reportsARefusedConnectionAsUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.httpAction(
                    new HttpActionRequest(
                        "POST",
                        "http://127.0.0.1:" + closedPort + "/dns?token=abc",
                        Map.of("Authorization", TOKEN),
                        null,
                        200,
                        Duration.ofSeconds(5))));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.getOriginalMessage())
        .contains("POST http://127.0.0.1:" + closedPort + "/dns", "could not connect")
        .doesNotContain("token=abc");
  }

  @Test
  void reportsASlowAnswerAsUnavailableNamingTheTimeout() {
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.httpAction(
                    new HttpActionRequest(
                        "GET", base + "/slow", null, null, 200, Duration.ofMillis(300))));

    assertThat(failure.getType()).isEqualTo(StepFailureType.UNAVAILABLE.type());
    assertThat(failure.getOriginalMessage())
        .contains("GET " + base + "/slow", "no answer within 300ms");
  }

  @Test
  void refusesAHeaderTheClientMustSetWithoutShowingItsValue() {
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.httpAction(
                    new HttpActionRequest(
                        "GET",
                        base + "/status/200",
                        Map.of("Host", "s3cr3t.example"),
                        null,
                        200,
                        null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage()).contains("'Host'").doesNotContain("s3cr3t");
  }

  @Test
  void refusesAUrlThatIsNotHttp() {
    ApplicationFailure failure =
        failureOf(
            () ->
                activity.httpAction(
                    new HttpActionRequest("GET", "ftp://lb.example/pools", null, null, 200, null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage()).contains("not an http or https URL");
  }

  @Test
  void printsARequestWithoutHeaderValuesQueryOrBody() {
    String shown = call("/status/200").toString();

    assertThat(shown)
        .contains("POST", "/status/200", "Authorization")
        .doesNotContain("s3cr3t", "k3y", "weight");
  }

  @Test
  void rejectsAMethodThatIsNotAnHttpMethod() {
    assertThatThrownBy(() -> new HttpActionRequest("put me", base, null, null, 200, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HTTP method");
  }

  private HttpActionRequest call(String path) {
    return new HttpActionRequest(
        "POST",
        base + path + "?api_key=k3y",
        Map.of("Authorization", TOKEN),
        "{\"weight\": 0}",
        200,
        Duration.ofSeconds(5));
  }

  private static void assertNoSecretsIn(ApplicationFailure failure) {
    assertThat(failure.getOriginalMessage())
        .as("failure messages end up in run records; they must not carry tokens")
        .doesNotContain("s3cr3t", "k3y");
  }

  private static void respondWithStatusFromPath(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int status = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
    exchange.getRequestBody().readAllBytes();
    respond(exchange, status, status == 204 ? "" : "status " + status);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    // 204 must not carry a body; -1 tells HttpServer there is none.
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
