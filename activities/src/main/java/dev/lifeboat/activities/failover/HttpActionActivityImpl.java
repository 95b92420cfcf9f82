package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.RequestHeaders;
import dev.lifeboat.activities.SafeUrls;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.Redactor;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.secrets.StepSecrets;
import io.temporal.activity.Activity;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends the request with the JDK client and judges the status; see {@link HttpActionActivity}.
 * Secret placeholders in the URL, header values and body are filled at the moment of sending, and
 * the values are redacted from everything returned or thrown.
 */
public final class HttpActionActivityImpl implements HttpActionActivity {
  private static final int BODY_LIMIT = 64 * 1024; // an API answer, not a download
  private static final int EXCERPT_LIMIT = 500;

  private final HttpClient http;
  private final Secrets secrets;

  /** Secrets come from the worker's environment and files. */
  public HttpActionActivityImpl(HttpClient http) {
    this(http, LocalSecrets.ofProcess());
  }

  public HttpActionActivityImpl(HttpClient http, Secrets secrets) {
    this.http = http;
    this.secrets = secrets;
  }

  @Override
  public HttpActionResult httpAction(HttpActionRequest request) {
    List<String> texts = new ArrayList<>(request.headers().values());
    texts.add(request.url());
    texts.add(request.body());
    StepSecrets used = StepSecrets.resolve(secrets, texts);
    Redactor redactor = used.redactor();
    try {
      HttpActionResult result =
          send(
              new HttpActionRequest(
                  request.method(),
                  used.fill(request.url()),
                  used.fillValues(request.headers()),
                  used.fill(request.body()),
                  request.expectStatus(),
                  request.timeout()),
              redactor);
      return new HttpActionResult(
          result.status(),
          redactor.redact(result.bodyExcerpt()),
          result.latencyMillis(),
          redactor.redact(result.summary()));
    } catch (RuntimeException e) {
      throw redactor.redactFailure(e);
    }
  }

  /** Redacts the body before cutting the excerpt, so a cut can never leave half a secret. */
  private HttpActionResult send(HttpActionRequest request, Redactor redactor) {
    URI uri = SafeUrls.parseHttp(request.url());
    String call = request.method() + " " + SafeUrls.display(uri);
    HttpRequest httpRequest = build(request, uri, call);
    long started = System.nanoTime();
    int status;
    String excerpt;
    try {
      HttpResponse<InputStream> response =
          http.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream in = response.body()) {
        excerpt =
            excerpt(redactor.redact(new String(in.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8)));
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

  private static HttpRequest build(HttpActionRequest request, URI uri, String call) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(request.timeout())
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    RequestHeaders.add(builder, request.headers(), call);
    return builder.build();
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
