package dev.lifeboat.activities.ssh;

import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The hosts a worker can reach and the shell it reaches them with: what every step with a {@code
 * host:} field needs. The one place where a step's host name becomes a shell on that host.
 */
public record RemoteHosts(SshHosts hosts, RemoteShell shell) {
  /** A worker without configured hosts: every step naming a host fails as an unknown host. */
  public static RemoteHosts none() {
    return new RemoteHosts(
        new ConfiguredSshHosts(Map.of()),
        (host, command, listener) -> {
          throw new IllegalStateException("no SSH hosts are configured");
        });
  }

  /**
   * A shell on the host called {@code name}, each command limited to {@code timeout} and reporting
   * to {@code listener}; an unknown host is a non-retryable {@code BAD_INPUT} failure.
   */
  public HostShell on(String name, Duration timeout, RemoteListener listener) {
    return new HostShell(shell, hosts.require(name), timeout, listener);
  }

  /**
   * A shell for one attempt of an activity: each command may run as long as the attempt may (so the
   * shell kills it before Temporal gives up on the attempt), and every tick is a heartbeat carrying
   * {@code details}; a cancelled activity's heartbeat throws, and the shell then kills the command.
   */
  public HostShell forActivity(
      String name, ActivityExecutionContext activity, Function<RemoteProgress, ?> details) {
    return on(
        name,
        activity.getInfo().getStartToCloseTimeout(),
        progress -> activity.heartbeat(details.apply(progress)));
  }
}
