package dev.lifeboat.activities.health;

import java.time.Duration;
import java.util.Objects;

/**
 * Healthy when a GET of {@code url} answers {@code expectStatus} within {@code requestTimeout} and,
 * when {@code expectBody} is set, the body contains it.
 */
public record HttpProbe(String url, int expectStatus, String expectBody, Duration requestTimeout) {
  public HttpProbe {
    Objects.requireNonNull(url, "url");
    expectStatus = expectStatus == 0 ? 200 : expectStatus;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
  }
}
