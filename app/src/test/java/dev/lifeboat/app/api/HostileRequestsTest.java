package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests an attacker or a broken client might send: malformed JSON, wrong types, huge bodies and
 * headers, unicode tricks, path traversal, injection attempts, unknown fields. Each one must be
 * answered with a 4xx status and our JSON error body — never a 5xx, never an HTML page — and the
 * server must still answer normally afterwards.
 *
 * <p>Requests are written to a raw socket, so the test controls every byte (invalid UTF-8, bare
 * CR/LF, missing headers) instead of what a well-behaved HTTP client would allow.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileRequestsTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_hostile");

  static final String LAUNCH = "/api/plans/needs-params/runs";
  static final String LAUNCH_BODY = "{\"mode\":\"drill\",\"params\":{\"target\":\"x\"}}";
  static final String NO_RUN = "/api/runs/00000000-0000-0000-0000-000000000000";

  /**
   * A launch body whose one parameter is 1 GiB of letters, gzipped to about 1 MB: what reaches the
   * parser after decoding must be bounded, not what crossed the network.
   */
  static final byte[] GZIP_BOMB = gzipBomb(1 << 30);

  final ObjectMapper json = new ObjectMapper();

  /** One hostile request and the refusal it must get. */
  record Hostile(
      String name,
      String method,
      String target,
      List<String> headers,
      byte[] body,
      int status,
      boolean withToken) {
    Hostile(
        String name, String method, String target, List<String> headers, byte[] body, int status) {
      this(name, method, target, headers, body, status, true);
    }

    @Override
    public String toString() {
      return name;
    }

    static Hostile get(String name, String target, int status) {
      return new Hostile(name, "GET", target, List.of(), null, status);
    }

    static Hostile launch(String name, String body, int status) {
      return launch(name, body.getBytes(StandardCharsets.UTF_8), status);
    }

    static Hostile launch(String name, byte[] body, int status) {
      return new Hostile(
          name, "POST", LAUNCH, List.of("Content-Type: application/json"), body, status);
    }

    static Hostile acknowledge(String name, String body, int status) {
      return new Hostile(
          name,
          "POST",
          NO_RUN + "/steps/say/acknowledge",
          List.of("Content-Type: application/json"),
          body.getBytes(StandardCharsets.UTF_8),
          status);
    }

    Hostile withHeader(String header) {
      List<String> more = new ArrayList<>(headers);
      more.add(header);
      return new Hostile(name, method, target, more, body, status, withToken);
    }

    /** Sent without the valid token every other request carries. */
    Hostile anonymous() {
      return new Hostile(name, method, target, headers, body, status, false);
    }
  }

  static Stream<Hostile> hostileRequests() {
    return Stream.of(
        // Credentials
        Hostile.get("no token at all", "/api/runs", 401).anonymous(),
        Hostile.get("Bearer with nothing after it", "/api/runs", 401)
            .withHeader("Authorization: Bearer")
            .anonymous(),
        Hostile.get("Basic credentials", "/api/runs", 401)
            .withHeader("Authorization: Basic YWRtaW46YWRtaW4=")
            .anonymous(),
        Hostile.get("SQL as a token", "/api/runs", 401)
            .withHeader("Authorization: Bearer ' OR '1'='1' --")
            .anonymous(),
        Hostile.get("a token of 4000 characters", "/api/runs", 401)
            .withHeader("Authorization: Bearer lb_7e5700000003_" + "x".repeat(4000))
            .anonymous(),
        Hostile.get("a real token's id with a wrong secret", "/api/runs", 401)
            .withHeader("Authorization: Bearer lb_7e5700000003_" + "y".repeat(43))
            .anonymous(),
        Hostile.get("a token with non-ASCII letters", "/api/runs", 401)
            .withHeader("Authorization: Bearer lb_7e57000000ü3_" + "z".repeat(43))
            .anonymous(),
        Hostile.get(
                "the token in the query string", "/api/runs?access_token=" + TestTokens.ADMIN, 401)
            .anonymous(),
        Hostile.get("a viewer asking for the list of tokens", "/api/tokens", 403)
            .withHeader("Authorization: Bearer " + TestTokens.VIEWER)
            .anonymous(),
        // Broken JSON
        Hostile.launch("truncated object", "{\"mode\":\"drill\"", 400),
        Hostile.launch("trailing garbage after the object", "{\"mode\":\"drill\"} rm -rf /", 400),
        Hostile.launch("two objects", "{\"mode\":\"drill\"}{\"mode\":\"recovery\"}", 400),
        Hostile.launch("comment in JSON", "{/* hi */\"mode\":\"drill\"}", 400),
        Hostile.launch("single quotes", "{'mode':'drill'}", 400),
        Hostile.launch("unquoted key", "{mode:\"drill\"}", 400),
        Hostile.launch("NaN value", "{\"mode\":\"drill\",\"params\":{\"copies\":NaN}}", 400),
        Hostile.launch("invalid UTF-8 bytes", bytes(0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d), 400),
        Hostile.launch(
            "byte order mark then garbage", bytes(0xef, 0xbb, 0xbf, 0xff, 0xfe, 0x00), 400),
        Hostile.launch("JSON null", "null", 400),
        Hostile.launch("JSON string", "\"drill\"", 400),
        Hostile.launch("JSON number", "42", 400),
        Hostile.launch("JSON array", "[{\"mode\":\"drill\"}]", 400),
        Hostile.launch("empty object", "{}", 400),
        Hostile.launch("whitespace only", "   \n\t  ", 400),
        Hostile.launch("deeply nested arrays", "[".repeat(5000) + "]".repeat(5000), 400),
        Hostile.launch(
            "deeply nested params",
            "{\"mode\":\"drill\",\"params\":{\"target\":"
                + "{\"a\":".repeat(3000)
                + "1"
                + "}".repeat(3000)
                + "}}",
            400),
        Hostile.launch(
            "duplicate key trying to switch modes",
            "{\"mode\":\"drill\",\"mode\":\"recovery\",\"params\":{\"target\":\"x\"}}",
            400),
        // Wrong types and unknown fields
        Hostile.launch("mode is a number", "{\"mode\":1}", 400),
        Hostile.launch("mode is null", "{\"mode\":null}", 400),
        Hostile.launch("mode is an object", "{\"mode\":{\"$ne\":\"x\"}}", 400),
        Hostile.launch("mode is an array", "{\"mode\":[\"drill\"]}", 400),
        Hostile.launch("params is an array", "{\"mode\":\"drill\",\"params\":[1,2]}", 400),
        Hostile.launch("params is a string", "{\"mode\":\"drill\",\"params\":\"target=x\"}", 400),
        Hostile.launch(
            "param value is an array", "{\"mode\":\"drill\",\"params\":{\"target\":[\"x\"]}}", 400),
        Hostile.launch(
            "unknown field claiming an identity",
            "{\"mode\":\"drill\",\"launcher\":\"ceo\",\"params\":{\"target\":\"x\"}}",
            400),
        Hostile.launch(
            "unknown field with prototype-pollution name",
            "{\"mode\":\"drill\",\"__proto__\":{\"admin\":true}}",
            400),
        Hostile.launch(
            "integer param far beyond long",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"x\",\"copies\":1e400}}",
            422),
        Hostile.launch(
            "integer param given as a fraction",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"x\",\"copies\":1.5}}",
            422),
        // Unicode tricks in values
        Hostile.launch("mode in capitals", "{\"mode\":\"DRILL\"}", 400),
        Hostile.launch("mode with a zero-width space", "{\"mode\":\"dr\\u200bill\"}", 400),
        Hostile.launch("mode with a NUL", "{\"mode\":\"drill\\u0000\"}", 400),
        Hostile.launch("mode in Cyrillic look-alikes", "{\"mode\":\"dr\\u0456ll\"}", 400),
        Hostile.launch(
            "param value with a NUL",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"x\\u0000y\"}}",
            400),
        Hostile.launch(
            "param name with a right-to-left override",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"x\",\"tar\\u202eget\":\"y\"}}",
            422),
        Hostile.launch(
            "lone surrogate in a value",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"\\ud800\"}}",
            400),
        // Sizes
        Hostile.launch("a body of 2 MiB", "{\"mode\":\"" + "a".repeat(2 << 20) + "\"}", 413),
        Hostile.launch(
            "a param value of 100 KiB",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"" + "x".repeat(100 * 1024) + "\"}}",
            400),
        Hostile.launch("ten thousand params", manyParams(10_000), 400),
        Hostile.launch("a gzip bomb: 1 MB that inflates to 1 GiB", GZIP_BOMB, 413)
            .withHeader("Content-Encoding: gzip"),
        Hostile.launch("a body declared gzip that is not", "{\"mode\":\"drill\"}", 400)
            .withHeader("Content-Encoding: gzip"),
        Hostile.launch("a gzip body cut off half-way", halfOf(gzip(LAUNCH_BODY)), 400)
            .withHeader("Content-Encoding: gzip"),
        Hostile.launch("a body shorter than its Content-Length", "{\"mode\":", 400)
            .withHeader("Content-Length: 1000"),
        Hostile.get("a URL of 64 KiB", "/api/runs?x=" + "a".repeat(64 * 1024), 414),
        Hostile.get("a header of 64 KiB", "/api/runs", 431)
            .withHeader("X-Filler: " + "b".repeat(64 * 1024)),
        new Hostile(
            "a chunked body that never ends within the limit",
            "POST",
            LAUNCH,
            List.of("Content-Type: application/json", "Transfer-Encoding: chunked"),
            chunked("{\"mode\":\"" + "c".repeat(3 << 20) + "\"}"),
            413),
        // Content types and methods
        new Hostile(
            "body sent as text/plain",
            "POST",
            LAUNCH,
            List.of("Content-Type: text/plain"),
            "{\"mode\":\"drill\"}".getBytes(StandardCharsets.UTF_8),
            415),
        new Hostile(
            "body sent as XML",
            "POST",
            LAUNCH,
            List.of("Content-Type: application/xml"),
            "<launch mode=\"drill\"/>".getBytes(StandardCharsets.UTF_8),
            415),
        new Hostile(
            "form-encoded body",
            "POST",
            LAUNCH,
            List.of("Content-Type: application/x-www-form-urlencoded"),
            "mode=drill".getBytes(StandardCharsets.UTF_8),
            415),
        new Hostile("TRACE", "TRACE", "/api/runs", List.of(), null, 405),
        new Hostile("DELETE a plan", "DELETE", "/api/plans/example-drill", List.of(), null, 405),
        new Hostile(
            "PUT a run",
            "PUT",
            NO_RUN,
            List.of("Content-Type: application/json"),
            "{}".getBytes(StandardCharsets.UTF_8),
            405),
        Hostile.get("asks for HTML only", "/api/runs", 406).withHeader("Accept: text/html"),
        // Path traversal and odd names
        Hostile.get("encoded traversal in a plan name", "/api/plans/..%2F..%2Fetc%2Fpasswd", 400),
        Hostile.get("double-encoded traversal", "/api/plans/%252e%252e%252fetc", 400),
        Hostile.get("dot-dot plan name", "/api/plans/%2e%2e", 400),
        Hostile.get("backslash traversal", "/api/plans/..%5C..%5Cwindows", 400),
        Hostile.get("plan name with a NUL", "/api/plans/example-drill%00.yml", 400),
        Hostile.get("plan name with the yml suffix", "/api/plans/example-drill.yml", 400),
        Hostile.get("plan name with a Cyrillic e", "/api/plans/%D0%B5xample-drill", 400),
        Hostile.get("plan name with fullwidth letters", "/api/plans/%EF%BD%85xample-drill", 400),
        Hostile.get("plan name of 300 letters", "/api/plans/" + "a".repeat(300), 400),
        Hostile.get("traversal as a run id", "/api/runs/..%2F..%2Fetc%2Fpasswd", 400),
        Hostile.get("run id in capitals", "/api/runs/ABCDEF00-0000-0000-0000-000000000000", 400),
        Hostile.get("run id with a trailing newline", NO_RUN + "%0A", 400),
        // Injection attempts
        Hostile.get(
            "SQL in a run id",
            "/api/runs/00000000-0000-0000-0000-000000000000'%20OR%20'1'='1",
            400),
        Hostile.get("SQL in a limit", "/api/runs?limit=1;DROP%20TABLE%20runs", 400),
        Hostile.get("a limit beyond long", "/api/runs?limit=99999999999999999999999", 400),
        Hostile.get("a negative offset", "/api/runs?offset=-5", 400),
        Hostile.get("an offset in exponent form", "/api/runs?offset=1e3", 400),
        Hostile.get("SQL in a plan name", "/api/plans/x'%3BDROP%20TABLE%20runs--", 400),
        Hostile.launch(
            "SQL in a param name",
            "{\"mode\":\"drill\",\"params\":{\"target\":\"x\",\"a'); DROP TABLE runs;--\":\"1\"}}",
            422),
        // Acknowledgements: refused before any run is looked up or any workflow asked
        Hostile.acknowledge(
            "notes of 5000 characters",
            "{\"outcome\":\"ok\",\"notes\":\"" + "n".repeat(5000) + "\"}",
            400),
        Hostile.acknowledge(
            "a NUL in the notes", "{\"outcome\":\"gap\",\"notes\":\"a\\u0000b\"}", 400),
        Hostile.acknowledge(
            "who acknowledged, claimed in the body", "{\"outcome\":\"ok\",\"by\":\"ceo\"}", 400),
        Hostile.acknowledge("an outcome that is an object", "{\"outcome\":{\"ok\":true}}", 400),
        Hostile.acknowledge("an outcome that is a list", "{\"outcome\":[\"ok\"]}", 400));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void isRefusedWithAJsonError(Hostile hostile) throws Exception {
    RawResponse response = send(hostile);

    assertThat(response.status())
        .as("%s answered %s", hostile.name(), response)
        .isEqualTo(hostile.status());
    assertThat(response.contentType())
        .as("%s answered %s", hostile.name(), response)
        .startsWith("application/json");
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("status").asInt()).as(response.body()).isEqualTo(hostile.status());
    assertThat(error.path("code").asText()).as(response.body()).isNotBlank();
    assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
  }

  @Test
  void hostileRequestsLeaveNoRunBehind() throws Exception {
    for (Hostile hostile : hostileRequests().toList()) {
      send(hostile);
    }
    RawResponse runs = send(new Hostile("list", "GET", "/api/runs", List.of(), null, 200));
    assertThat(runs.status()).isEqualTo(200);
    assertThat(json.readTree(runs.body()).path("runs")).as(runs.body()).isEmpty();
  }

  @Test
  void decodesAGzipBodyWithinTheLimit() throws Exception {
    RawResponse response =
        send(
            new Hostile(
                "a gzipped acknowledgement",
                "POST",
                NO_RUN + "/steps/say/acknowledge",
                List.of("Content-Type: application/json", "Content-Encoding: gzip"),
                gzip("{\"outcome\":\"ok\"}"),
                404));

    assertThat(response.body())
        .as("the body was decoded and accepted; only then was the run looked up")
        .contains("unknown_run");
  }

  @Test
  void aBodyThatStopsArrivingIsRefusedWithinSeconds() throws Exception {
    long start = System.nanoTime();
    RawResponse response =
        send(
            Hostile.launch("ten bytes of a thousand announced", "{\"mode\":\"d", 400)
                .withHeader("Content-Length: 1000"));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertThat(response.body()).contains("body_incomplete");
    assertThat(waited)
        .as("a client that stops sending must not hold a server thread for long")
        .isLessThan(Duration.ofSeconds(15));
  }

  @AfterAll
  static void serverStillAnswers() throws Exception {
    RawResponse plans =
        new HostileRequestsTest()
            .send(new Hostile("plans", "GET", "/api/plans", List.of(), null, 200));
    assertThat(plans.status()).as(plans.toString()).isEqualTo(200);
  }

  record RawResponse(int status, String contentType, String body) {
    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  RawResponse send(Hostile hostile) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      head.append(hostile.method()).append(' ').append(hostile.target()).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1\r\n").append("Connection: close\r\n");
      boolean chunked = false;
      if (hostile.withToken()) {
        head.append("Authorization: Bearer ").append(TestTokens.COMMANDER).append("\r\n");
      }
      for (String header : hostile.headers()) {
        head.append(header).append("\r\n");
        chunked |= header.startsWith("Transfer-Encoding");
      }
      if (hostile.body() != null
          && !chunked
          && hostile.headers().stream().noneMatch(h -> h.startsWith("Content-Length"))) {
        head.append("Content-Length: ").append(hostile.body().length).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      try {
        if (hostile.body() != null) {
          out.write(hostile.body());
        }
        out.flush();
      } catch (java.io.IOException refusedMidBody) {
        // The server may answer and close before reading a huge body; its answer is what counts.
      }
      return parse(socket.getInputStream());
    }
  }

  private static RawResponse parse(InputStream in) throws Exception {
    byte[] all = readAll(in);
    String text = new String(all, StandardCharsets.UTF_8);
    int headEnd = text.indexOf("\r\n\r\n");
    String head = headEnd < 0 ? text : text.substring(0, headEnd);
    String body = headEnd < 0 ? "" : text.substring(headEnd + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String contentType = "";
    boolean chunked = false;
    for (String line : lines) {
      String lower = line.toLowerCase();
      if (lower.startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).trim();
      }
      chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
    }
    return new RawResponse(status, contentType, chunked ? unchunk(body) : body);
  }

  private static byte[] readAll(InputStream in) throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) > 0; ) {
        buffer.write(chunk, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // A server refusing a huge upload may reset the connection after answering.
    }
    return buffer.toByteArray();
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < body.length()) {
      int lineEnd = body.indexOf("\r\n", at);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  private static byte[] chunked(String body) {
    byte[] data = body.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int chunk = 64 * 1024;
    for (int at = 0; at < data.length; at += chunk) {
      int size = Math.min(chunk, data.length - at);
      out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data, at, size);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] halfOf(byte[] bytes) {
    return Arrays.copyOf(bytes, bytes.length / 2);
  }

  private static byte[] gzipBomb(int letters) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write("{\"mode\":\"drill\",\"params\":{\"target\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 'a');
      for (int written = 0; written < letters; written += block.length) {
        gzip.write(block);
      }
      gzip.write("\"}}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String manyParams(int count) {
    StringBuilder body = new StringBuilder("{\"mode\":\"drill\",\"params\":{\"target\":\"x\"");
    for (int i = 0; i < count; i++) {
      body.append(",\"p").append(i).append("\":\"v\"");
    }
    return body.append("}}").toString();
  }
}
