package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * The command-line tools' side of the API: which server, which token, and each answer as JSON, a
 * refusal turned into an {@link IOException} carrying the server's own message and details.
 */
final class ApiClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json;
  private final String base;
  private final String authorization;

  private ApiClient(ObjectMapper json, String base, String authorization) {
    this.json = json;
    this.base = base;
    this.authorization = authorization;
  }

  /** The {@code --url} and {@code --token} every command that talks to a server takes. */
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
  }

  static ApiClient from(Namespace namespace, ObjectMapper json) throws IOException {
    String token =
        CliToken.resolve(
            namespace.getString("token"), System.getenv(), CliToken.defaultFile(System.getenv()));
    return new ApiClient(json, namespace.getString("url"), "Bearer " + token);
  }

  /** The full address of an API path, e.g. for messages. */
  String url(String path) {
    return base + path;
  }

  ObjectMapper json() {
    return json;
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET());
  }

  JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  JsonNode patch(String path, JsonNode body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
  }

  private JsonNode send(HttpRequest.Builder builder) throws IOException, InterruptedException {
    HttpRequest request = builder.header("Authorization", authorization).build();
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
