package dev.lifeboat.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Real HTTP to a running app's API port, with or without a bearer token. */
public final class TestApi {
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

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
