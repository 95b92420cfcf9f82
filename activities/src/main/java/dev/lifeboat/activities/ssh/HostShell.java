package dev.lifeboat.activities.ssh;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;

/**
 * The commands of one step on one host: each runs with the same timeout and reports progress to the
 * same listener. Made by {@link RemoteHosts}.
 */
public final class HostShell {
  private static final int STDERR_TAIL_LINES = 5;

  private final RemoteShell shell;
  private final SshHost host;
  private final Duration timeout;
  private final RemoteListener listener;

  HostShell(RemoteShell shell, SshHost host, Duration timeout, RemoteListener listener) {
    this.shell = shell;
    this.host = host;
    this.timeout = timeout;
    this.listener = listener;
  }

  public SshHost host() {
    return host;
  }

  /** {@code host NAME: PATH}, the way messages name a file on this host. */
  public String where(String path) {
    return "host " + host.name() + ": " + path;
  }

  /** Runs {@code commandLine}; a non-zero exit is a result, as with {@link RemoteShell}. */
  public RemoteResult run(String commandLine) {
    return run(new RemoteCommand(commandLine, timeout));
  }

  /** Runs {@code commandLine} with {@code stdin} (which may hold a secret) as its input. */
  public RemoteResult run(String commandLine, String stdin) {
    return run(new RemoteCommand(commandLine, timeout).withStdin(stdin));
  }

  /**
   * Runs a command that must succeed: a non-zero exit is a failure of {@code type} saying what was
   * being done, on which host, how the command ended and the end of its stderr.
   */
  public RemoteResult require(String commandLine, String doing, StepFailureType type) {
    RemoteResult result = run(commandLine);
    if (!result.succeeded()) {
      throw failure(result, doing, type);
    }
    return result;
  }

  /**
   * The failure of a command that had to succeed: {@code DOING on host H: exited with 2; stderr
   * ends: ...}.
   */
  public ApplicationFailure failure(RemoteResult result, String doing, StepFailureType type) {
    return StepFailures.of(
        type,
        doing
            + " on host "
            + host.name()
            + ": "
            + result.howItEnded()
            + result.stderrNote(STDERR_TAIL_LINES));
  }

  private RemoteResult run(RemoteCommand command) {
    return shell.run(host, command, listener);
  }
}
