package dev.lifeboat.activities.health;

import dev.lifeboat.activities.RequestHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Healthy when a GET of {@code url} answers {@code expectStatus} within {@code requestTimeout} and,
 * when {@code expectBody} is set, the body contains it.
 *
 * @param headers sent with the GET, in order (e.g. an API token); values are never printed, and may
 *     hold secret placeholders filled when the probe runs. Absent in older histories.
 */
public record HttpProbe(
    String url,
    int expectStatus,
    String expectBody,
    Duration requestTimeout,
    Map<String, String> headers) {
  public HttpProbe {
    Objects.requireNonNull(url, "url");
    expectStatus = expectStatus == 0 ? 200 : expectStatus;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
    headers = RequestHeaders.copyOf(headers);
  }

  /** A probe without headers. */
  public HttpProbe(String url, int expectStatus, String expectBody, Duration requestTimeout) {
    this(url, expectStatus, expectBody, requestTimeout, null);
  }

  /** Header names only: values may carry tokens. */
  @Override
  public String toString() {
    int queryAt = url.indexOf('?');
    return "HttpProbe["
        + (queryAt < 0 ? url : url.substring(0, queryAt) + "?…")
        + ", expectStatus="
        + expectStatus
        + ", expectBody="
        + expectBody
        + ", requestTimeout="
        + requestTimeout
        + ", headers="
        + headers.keySet()
        + "]";
  }
}
