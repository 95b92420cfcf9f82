package dev.lifeboat.activities.health;

import java.time.Duration;
import java.util.Objects;

/**
 * Healthy when {@code run}, run by {@code sh -c} on the configured {@code host} over SSH, exits
 * with {@code expectExit} within {@code commandTimeout}.
 *
 * @param run the command line; values substituted into it are already shell-quoted
 */
public record SshProbe(String host, String run, int expectExit, Duration commandTimeout) {
  public SshProbe {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(run, "run");
    if (expectExit < 0 || expectExit > 255) {
      throw new IllegalArgumentException("expected exit code must be 0-255, not " + expectExit);
    }
    commandTimeout = commandTimeout == null ? Duration.ofSeconds(30) : commandTimeout;
  }
}
