package dev.lifeboat.app;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Real HTTP to a running app's API port, with or without a bearer token. */
public final class TestApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  public TestApi(int port) {
    this.port = port;
  }

  public HttpResponse<String> get(String path, String token) throws Exception {
    return send("GET", path, null, token);
  }

  public HttpResponse<String> post(String path, String body, String token) throws Exception {
    return send("POST", path, body, token);
  }

  /** {@code body} null sends none; {@code token} null sends no Authorization header. */
  public HttpResponse<String> send(String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Launches a drill of {@link TestPlans}' {@code waits-forever} as an operator and returns its id
   * once its one step is running and the record says so (the record trails by up to a second).
   */
  public String launchWaitingDrill() throws Exception {
    HttpResponse<String> launched =
        post("/api/plans/waits-forever/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    if (launched.statusCode() != 202) {
      throw new AssertionError("the drill did not launch: " + launched.body());
    }
    String id = JSON.readTree(launched.body()).path("id").asText();
    waitForRun(id, run -> run.path("steps").path(0).path("status").asText().equals("running"));
    awaitRecorded(id, "step.started");
    return id;
  }

  /** Reads the run as a viewer until it satisfies {@code condition}; fails after a minute. */
  public JsonNode waitForRun(String id, Predicate<JsonNode> condition) {
    return awaitRun(id, "the expected state", Duration.ofSeconds(60), condition);
  }

  /**
   * Reads the run as a viewer every 200 ms until {@code until} holds; after {@code limit}, fails
   * saying the run never reached {@code what}, and how it last was.
   */
  public JsonNode awaitRun(String id, String what, Duration limit, Predicate<JsonNode> until) {
    return await("run " + id + " to reach " + what)
        .atMost(limit)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> JSON.readTree(get("/api/runs/" + id, TestTokens.VIEWER).body()), until);
  }

  /** Waits until the run's record holds an event of {@code type}; fails after 30 s. */
  public void awaitRecorded(String id, String type) {
    await("run " + id + " to record a " + type + " event")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> get("/api/runs/" + id + "/events", TestTokens.VIEWER).body(),
            events -> events.contains("\"type\":\"" + type + "\""));
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
