package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.health.TcpCheck.millisSince;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.RequestHeaders;
import dev.lifeboat.activities.SafeUrls;
import dev.lifeboat.activities.secrets.Redactor;
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

/**
 * Healthy when a GET (with the probe's headers) answers the expected status and, if asked, a body
 * containing a text.
 */
final class HttpCheck implements Check {
  private static final int BODY_LIMIT = 64 * 1024; // a health page, not a download

  private final HttpClient http;
  private final HttpProbe probe;
  private final Redactor redactor;
  private final URI uri;
  private final HttpRequest request;

  /**
   * @param probe with its secrets filled in
   * @param redactor for those secrets: applied to the body before it is cut to an excerpt, so a cut
   *     can never leave half a secret
   */
  HttpCheck(HttpClient http, HttpProbe probe, Redactor redactor) {
    this.http = http;
    this.probe = probe;
    this.redactor = redactor;
    this.uri = SafeUrls.parseHttp(probe.url());
    this.request =
        RequestHeaders.add(
                HttpRequest.newBuilder(uri).GET().timeout(probe.requestTimeout()),
                probe.headers(),
                describe())
            .build();
  }

  @Override
  public Observation probe() {
    long started = System.nanoTime();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(BODY_LIMIT), StandardCharsets.UTF_8);
      }
      long latency = millisSince(started);
      String status = String.valueOf(response.statusCode());
      if (response.statusCode() != probe.expectStatus()) {
        return Observation.unhealthy(
            status, "expected status " + probe.expectStatus() + ", got " + status, latency);
      }
      if (probe.expectBody() != null && !body.contains(probe.expectBody())) {
        return Observation.unhealthy(
            status,
            "expected a body containing '"
                + probe.expectBody()
                + "', got '"
                + excerpt(redactor.redact(body))
                + "'",
            latency);
      }
      return Observation.healthy(status, latency);
    } catch (HttpTimeoutException e) {
      return Observation.unreachable(
          "no answer within " + HumanUnits.duration(probe.requestTimeout()), millisSince(started));
    } catch (ConnectException e) {
      return Observation.unreachable("connection refused", millisSince(started));
    } catch (IOException e) {
      return Observation.unreachable("request failed: " + e, millisSince(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  @Override
  public String describe() {
    return "GET " + SafeUrls.display(uri);
  }

  private static String excerpt(String body) {
    String flat = body.replaceAll("\\s+", " ").strip();
    return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
  }
}
