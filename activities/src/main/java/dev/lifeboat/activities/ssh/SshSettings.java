package dev.lifeboat.activities.ssh;

import java.time.Duration;

/**
 * How hard {@link JschRemoteShell} tries and how often it reports.
 *
 * @param connectTimeout limit for one attempt at TCP connect, key exchange and authentication
 * @param connectAttempts attempts before a host that does not answer is reported unavailable;
 *     Temporal retries the whole step on top, these only ride out a blip
 * @param retryBackoff pause between attempts
 * @param tickInterval how often the listener hears progress (heartbeat cadence)
 * @param killWait how long a kill waits for the remote process group to go before using SIGKILL
 */
public record SshSettings(
    Duration connectTimeout,
    int connectAttempts,
    Duration retryBackoff,
    Duration tickInterval,
    Duration killWait) {
  public SshSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(tickInterval, "tickInterval");
    requirePositive(killWait, "killWait");
    if (retryBackoff == null || retryBackoff.isNegative()) {
      throw new IllegalArgumentException("retryBackoff must not be negative");
    }
    if (connectAttempts < 1) {
      throw new IllegalArgumentException("connectAttempts must be at least 1");
    }
  }

  /** 10 s connect timeout, 3 attempts 1 s apart, 2 s ticks, 2 s grace before SIGKILL. */
  public static SshSettings standard() {
    return new SshSettings(
        Duration.ofSeconds(10),
        3,
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2));
  }

  private static void requirePositive(Duration value, String field) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive");
    }
  }
}
