package dev.lifeboat.activities.secrets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on loopback that repeats every request back in its answer, the worst case for
 * secrets: whatever Lifeboat sent comes back in the body it reads. {@code /echo/...} answers 200,
 * {@code /reject/...} 401 (the body ends up in a failure message), {@code /ok/...} a plain 200. It
 * keeps what it received, so a test can prove the secret really was sent.
 */
public final class EchoServer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  public EchoServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/echo/", exchange -> answer(exchange, 200, echo(exchange)));
    server.createContext("/reject/", exchange -> answer(exchange, 401, echo(exchange)));
    server.createContext(
        "/ok/",
        exchange -> {
          echo(exchange);
          answer(exchange, 200, "ok");
        });
    server.start();
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Each request as the server saw it: method, path with query, headers, body. */
  public List<String> received() {
    return List.copyOf(received);
  }

  private String echo(HttpExchange exchange) throws IOException {
    StringBuilder seen = new StringBuilder();
    seen.append(exchange.getRequestMethod())
        .append(' ')
        .append(exchange.getRequestURI().getRawPath());
    if (exchange.getRequestURI().getRawQuery() != null) {
      seen.append('?').append(exchange.getRequestURI().getRawQuery());
    }
    // Authorization first, so it is inside even a short excerpt of the answer.
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null) {
      seen.append("\nAuthorization: ").append(authorization);
    }
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Authorization")) {
        seen.append('\n').append(header.getKey()).append(": ").append(header.getValue());
      }
    }
    seen.append("\n\n")
        .append(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(seen.toString());
    return "you sent: " + seen;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
