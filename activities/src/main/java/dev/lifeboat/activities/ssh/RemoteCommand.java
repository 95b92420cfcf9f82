package dev.lifeboat.activities.ssh;

import java.time.Duration;

/**
 * A command line to run on a remote host.
 *
 * @param commandLine run by {@code sh -c} on the host; values inside it must already be quoted with
 *     {@link ShellQuote#quote}
 * @param timeout how long the command may run before it is killed
 * @param outputCapBytes how many bytes of each of stdout and stderr are kept (half from the start,
 *     half from the end)
 * @param stdin text written to the command's standard input before it is closed, or {@code null}
 *     for an empty input. The place for secrets the command needs (a password read with {@code read
 *     -r}): unlike the command line it is not visible in {@code ps} on the host, and {@link
 *     #toString} never prints it.
 */
public record RemoteCommand(
    String commandLine, Duration timeout, int outputCapBytes, String stdin) {
  /** 64 KiB of each stream is plenty for a step's record and small enough for Temporal history. */
  public static final int DEFAULT_OUTPUT_CAP = 64 * 1024;

  public RemoteCommand {
    if (commandLine == null || commandLine.isBlank()) {
      throw new IllegalArgumentException("remote command line is empty");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("remote command timeout must be positive");
    }
    if (outputCapBytes < 2) {
      throw new IllegalArgumentException("output cap must be at least 2 bytes");
    }
  }

  public RemoteCommand(String commandLine, Duration timeout, int outputCapBytes) {
    this(commandLine, timeout, outputCapBytes, null);
  }

  public RemoteCommand(String commandLine, Duration timeout) {
    this(commandLine, timeout, DEFAULT_OUTPUT_CAP, null);
  }

  /** The same command with {@code stdin} as its standard input. */
  public RemoteCommand withStdin(String stdin) {
    return new RemoteCommand(commandLine, timeout, outputCapBytes, stdin);
  }

  /** Everything but the standard input, which may hold a secret. */
  @Override
  public String toString() {
    return "RemoteCommand[commandLine="
        + commandLine
        + ", timeout="
        + timeout
        + ", outputCapBytes="
        + outputCapBytes
        + (stdin == null ? "" : ", stdin=(" + stdin.length() + " characters, not shown)")
        + "]";
  }
}
