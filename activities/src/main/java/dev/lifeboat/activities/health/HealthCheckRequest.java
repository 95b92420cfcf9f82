package dev.lifeboat.activities.health;

import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One probe (exactly one of {@code sql}, {@code http}, {@code tcp}, {@code ssh} is set) and how
 * long to keep trying. With {@code untilHealthy} null the probe runs once; otherwise it is polled
 * every {@code pollInterval} until it succeeds or the window ends.
 */
public record HealthCheckRequest(
    SqlProbe sql,
    HttpProbe http,
    TcpProbe tcp,
    Duration untilHealthy,
    Duration pollInterval,
    SshProbe ssh) {
  public HealthCheckRequest {
    long probes = Stream.of(sql, http, tcp, ssh).filter(Objects::nonNull).count();
    if (probes != 1) {
      throw new IllegalArgumentException("exactly one of sql, http, tcp, ssh must be set");
    }
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
  }

  /** One of the probes that need no SSH host. */
  public HealthCheckRequest(
      SqlProbe sql, HttpProbe http, TcpProbe tcp, Duration untilHealthy, Duration pollInterval) {
    this(sql, http, tcp, untilHealthy, pollInterval, null);
  }
}
