package dev.lifeboat.app.packaged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The API of a Lifeboat started from the jar, used as a person would: with the admin token its
 * first start wrote to {@code data/initial-admin-token}.
 */
final class JarApi {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final LifeboatHome home;

  JarApi(LifeboatHome home) {
    this.home = home;
  }

  /** Launches {@code plan} with {@code body} (JSON) and returns the run's id. */
  String launch(String plan, String body) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri("/api/plans/" + plan + "/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as("launching %s: %s", plan, response.body()).isEqualTo(202);
    return json.readTree(response.body()).path("id").asText();
  }

  JsonNode run(String id) throws Exception {
    return get("/api/runs/" + id);
  }

  JsonNode events(String id) throws Exception {
    return get("/api/runs/" + id + "/events");
  }

  /** Polls the run until {@code until} holds; fails saying {@code what} did not happen. */
  JsonNode awaitRun(String id, Predicate<JsonNode> until, Duration limit, String what)
      throws Exception {
    return await("run " + id + ": " + what)
        .atMost(limit)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> run(id), until);
  }

  /** Waits for the run to end (any final status). */
  JsonNode awaitEnd(String id, Duration limit) throws Exception {
    return awaitRun(
        id,
        run -> !run.path("status").asText().matches("pending|running"),
        limit,
        "the run to end");
  }

  static JsonNode step(JsonNode run, String stepId) {
    for (JsonNode step : run.path("steps")) {
      if (step.path("id").asText().equals(stepId)) {
        return step;
      }
    }
    throw new AssertionError("the run has no step " + stepId + ": " + run);
  }

  /** The bytes of {@code GET path}, which must answer 200 with {@code contentType}. */
  byte[] bytes(String path, String contentType) throws Exception {
    String token = Files.readString(home.data().resolve("initial-admin-token")).trim();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
    return response.body();
  }

  /** {@code POST path} with {@code body} (JSON): the answer, which must have {@code status}. */
  JsonNode post(String path, String body, int status) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(status);
    return json.readTree(response.body());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)));
    assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    String token = Files.readString(home.data().resolve("initial-admin-token")).trim();
    return http.send(
        request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + home.apiPort() + path);
  }
}
