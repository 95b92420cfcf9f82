package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.SafeUrls;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.ssh.SecretReference;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Sends the request with the JDK client and judges the status; see {@link HttpActionActivity}. */
public final class HttpActionActivityImpl implements HttpActionActivity {
  private static final int BODY_LIMIT = 64 * 1024; // an API answer, not a download
  private static final int EXCERPT_LIMIT = 500;

  /** A whole header value naming a secret: {@code env:NAME} or {@code file:/path}. */
  private static final Pattern SECRET = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*|file:/.+");

  private final HttpClient http;
  private final Map<String, String> env;

  /** Reads {@code env:} header references from this process's environment. */
  public HttpActionActivityImpl(HttpClient http) {
    this(http, System.getenv());
  }

  /**
   * @param env where {@code env:} header references are looked up
   */
  public HttpActionActivityImpl(HttpClient http, Map<String, String> env) {
    this.http = http;
    this.env = env;
  }

  @Override
  public HttpActionResult httpAction(HttpActionRequest request) {
    URI uri = SafeUrls.parseHttp(request.url());
    String call = request.method() + " " + SafeUrls.display(uri);
    HttpRequest httpRequest = build(request, uri, call, env);
    long started = System.nanoTime();
    int status;
    String excerpt;
    try {
      HttpResponse<InputStream> response =
          http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream in = response.body()) {
        excerpt = excerpt(new String(in.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8));
      }
    } catch (HttpTimeoutException e) {
      throw unavailable(call, "no answer within " + HumanUnits.duration(request.timeout()), e);
    } catch (ConnectException e) {
      throw unavailable(call, "could not connect (" + e.getClass().getSimpleName() + ")", e);
    } catch (IOException e) {
      throw unavailable(call, "the exchange failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
    long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (!request.expects(status)) {
      throw unexpected(call, request, status, excerpt);
    }
    return new HttpActionResult(
        status, excerpt, latency, call + " answered " + status + " in " + latency + "ms");
  }

  private static HttpRequest build(
      HttpActionRequest request, URI uri, String call, Map<String, String> env) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(request.timeout())
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      try {
        builder.header(header.getKey(), value(header.getValue(), header.getKey(), call, env));
      } catch (IllegalArgumentException e) {
        // The JDK's message is not repeated: it could one day include the value.
        throw StepFailures.of(
            StepFailureType.BAD_INPUT,
            call
                + ": header '"
                + header.getKey()
                + "' cannot be sent: the client sets it itself (Host, Content-Length,"
                + " Connection…) or its name or value is not valid HTTP (value not shown)");
      }
    }
    return builder.build();
  }

  /**
   * The value to send: a secret reference is read now, on the worker, so only the reference is kept
   * in the request (and so in the run's record); anything else is sent as written.
   */
  private static String value(String written, String name, String call, Map<String, String> env) {
    if (!SECRET.matcher(written).matches()) {
      return written;
    }
    try {
      return new String(new SecretReference(written).resolve(env), StandardCharsets.UTF_8);
    } catch (ApplicationFailure e) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG, call + ": header '" + name + "': " + e.getOriginalMessage());
    }
  }

  private static RuntimeException unexpected(
      String call, HttpActionRequest request, int status, String excerpt) {
    boolean worthRetrying = status >= 500 || status == 408 || status == 429;
    String expected = request.expectStatus() == 0 ? "a 2xx status" : "" + request.expectStatus();
    return StepFailures.of(
        worthRetrying ? StepFailureType.CHECK_FAILED : StepFailureType.BAD_INPUT,
        call
            + " answered "
            + status
            + ", expected "
            + expected
            + (excerpt.isEmpty() ? "" : ": " + shorten(excerpt, 200)));
  }

  private static RuntimeException unavailable(String call, String what, Exception cause) {
    return StepFailures.of(StepFailureType.UNAVAILABLE, call + ": " + what, cause);
  }

  private static String excerpt(String body) {
    return shorten(body.replaceAll("\\s+", " ").strip(), EXCERPT_LIMIT);
  }

  private static String shorten(String text, int limit) {
    return text.length() > limit ? text.substring(0, limit) + "…" : text;
  }
}
