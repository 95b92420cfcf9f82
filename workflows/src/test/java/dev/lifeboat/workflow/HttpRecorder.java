package dev.lifeboat.workflow;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HTTP server on loopback standing in for a load balancer's API ({@code /api/...}: records
 * each call and answers 200) and for an application's health page ({@code /health}: 200 "ok").
 */
final class HttpRecorder implements AutoCloseable {
  /** One call as the server saw it. */
  record Call(String method, String path, String authorization, String contentType, String body) {}

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  private HttpRecorder(HttpServer server) {
    this.server = server;
  }

  static HttpRecorder start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HttpRecorder recorder = new HttpRecorder(server);
    server.createContext(
        "/api/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          recorder.calls.add(
              new Call(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body));
          answer(exchange, 200, "{\"active\":\"standby\"}");
        });
    server.createContext("/health", exchange -> answer(exchange, 200, "ok"));
    server.start();
    return recorder;
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** {@code http://127.0.0.1:PORT} */
  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
