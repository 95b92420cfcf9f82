package dev.lifeboat.activities.command;

import java.time.Duration;

/**
 * Run one shell command line on a configured host.
 *
 * @param host the configured host's name (see {@code hosts} in config.yml)
 * @param commandLine run by {@code sh -c} on the host; every substituted value in it is already
 *     shell-quoted by the parser
 * @param timeout how long the command may run before it is killed, or {@code null} for the step's
 *     own timeout
 * @param expectExitCode the exit code that means success (0 usually)
 * @param outputCapBytes how many bytes of each of stdout and stderr are kept
 */
public record CommandRequest(
    String host, String commandLine, Duration timeout, int expectExitCode, int outputCapBytes) {
  /** 64 KiB of each stream: plenty for a step's record, small enough for Temporal history. */
  public static final int DEFAULT_OUTPUT_CAP = 64 * 1024;

  public CommandRequest {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("command: host is required");
    }
    if (commandLine == null || commandLine.isBlank()) {
      throw new IllegalArgumentException("command: the command line is empty");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("command: timeout must be positive");
    }
    if (expectExitCode < 0 || expectExitCode > 255) {
      throw new IllegalArgumentException(
          "command: expected exit code must be 0-255, not " + expectExitCode);
    }
    if (outputCapBytes < 2) {
      throw new IllegalArgumentException("command: output cap must be at least 2 bytes");
    }
  }
}
