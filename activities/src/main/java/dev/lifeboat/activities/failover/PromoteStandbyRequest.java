package dev.lifeboat.activities.failover;

import java.time.Duration;

/**
 * Promote the standby that Lifeboat's configuration knows as {@code server}.
 *
 * @param waitForWrites how long to wait, after asking for promotion, until the server accepts
 *     writes; 60 seconds when not given
 */
public record PromoteStandbyRequest(String server, Duration waitForWrites) {
  public PromoteStandbyRequest {
    if (server == null || server.isBlank()) {
      throw new IllegalArgumentException("server must name a configured PostgreSQL server");
    }
    waitForWrites = waitForWrites == null ? Duration.ofSeconds(60) : waitForWrites;
    if (waitForWrites.isNegative() || waitForWrites.isZero()) {
      throw new IllegalArgumentException("waitForWrites must be positive, was " + waitForWrites);
    }
  }
}
