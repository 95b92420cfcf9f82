package dev.lifeboat.activities.health;

import java.time.Duration;

/**
 * One probe (exactly one of {@code sql}, {@code http}, {@code tcp} is set) and how long to keep
 * trying. With {@code untilHealthy} null the probe runs once; otherwise it is polled every {@code
 * pollInterval} until it succeeds or the window ends.
 */
public record HealthCheckRequest(
    SqlProbe sql, HttpProbe http, TcpProbe tcp, Duration untilHealthy, Duration pollInterval) {
  public HealthCheckRequest {
    int probes = (sql == null ? 0 : 1) + (http == null ? 0 : 1) + (tcp == null ? 0 : 1);
    if (probes != 1) {
      throw new IllegalArgumentException("exactly one of sql, http, tcp must be set");
    }
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
  }
}
