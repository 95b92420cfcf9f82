package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * A Lifeboat server's API as the commands that launch and follow runs use it: the token, JSON in
 * and out, and a refusal turned into an error naming what the server said.
 */
final class CliApi {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final String base;
  private final String authorization;

  private CliApi(ObjectMapper json, String base, String authorization) {
    this.json = json;
    this.base = base;
    this.authorization = authorization;
  }

  /** {@code --url}, {@code --token} and {@code --timeout}, shared by the commands. */
  static void addArguments(Subparser subparser) {
    subparser
        .addArgument("--url")
        .setDefault("http://127.0.0.1:8080")
        .help("the Lifeboat server (default http://127.0.0.1:8080)");
    subparser
        .addArgument("--token")
        .help(
            "the API token (default: $"
                + CliToken.ENV
                + ", else the first start's data/initial-admin-token); the environment"
                + " variable keeps it out of the process list");
    subparser
        .addArgument("--timeout")
        .type(Integer.class)
        .setDefault(3600)
        .help("seconds to follow the run before giving up (the run goes on)");
  }

  static CliApi from(ObjectMapper json, Namespace namespace) throws IOException {
    String token =
        CliToken.resolve(
            namespace.getString("token"), System.getenv(), CliToken.defaultFile(System.getenv()));
    return new CliApi(json, namespace.getString("url"), "Bearer " + token);
  }

  JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build());
  }

  /** Where the run is on the server, for people to look at. */
  String runUrl(String id) {
    return base + "/api/runs/" + id;
  }

  /** Follows the run to its end ({@link RunFollower}), for at most {@code --timeout} seconds. */
  void follow(String id, Namespace namespace, PrintStream out) throws Exception {
    new RunFollower(out)
        .follow(
            () ->
                send(
                    HttpRequest.newBuilder(uri("/api/runs/" + id))
                        .header("Authorization", authorization)
                        .build()),
            Duration.ofSeconds(namespace.getInt("timeout")));
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new IOException(
          "no Lifeboat server answers at " + request.uri() + "; is it running?", e);
    }
    JsonNode node = json.readTree(response.body());
    if (response.statusCode() >= 400) {
      StringBuilder message =
          new StringBuilder("refused (" + response.statusCode() + "): ")
              .append(node.path("error").path("message").asText(response.body()));
      node.path("error")
          .path("details")
          .forEach(detail -> message.append("\n  ").append(detail.asText()));
      throw new IOException(message.toString());
    }
    return node;
  }
}
