package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.health.TcpCheck.millisSince;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.secrets.ShellScript;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import dev.lifeboat.activities.ssh.RemoteResult;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

/**
 * Healthy when a command on a configured host exits as expected. A host that cannot be reached or a
 * command that outlives its timeout is unreachable (worth polling); a refused host key or login is
 * bad configuration and fails at once.
 */
final class SshCheck implements Check {
  private static final int OUTPUT_TAIL_LINES = 3;

  private final SshProbe probe;
  private final ShellScript script;
  private final HostShell shell;
  private int probes;

  /**
   * @param script the probe's command line with its secrets moved to stdin
   * @param activity heartbeated while the command runs, so a probe may run longer than the
   *     heartbeat timeout, and a cancelled step kills it
   */
  SshCheck(
      RemoteHosts remote, SshProbe probe, ShellScript script, ActivityExecutionContext activity) {
    this.probe = probe;
    this.script = script;
    this.shell =
        remote.on(
            probe.host(),
            probe.commandTimeout(),
            progress ->
                activity.heartbeat(
                    new HealthProgress(
                        probes - 1,
                        "probe running for " + HumanUnits.duration(progress.elapsed()))));
  }

  @Override
  public Observation probe() {
    probes++;
    long started = System.nanoTime();
    RemoteResult result;
    try {
      result = shell.run(script.commandLine(), script.stdin());
    } catch (ApplicationFailure failure) {
      if (!StepFailureType.UNAVAILABLE.type().equals(failure.getType())) {
        throw failure; // host key, login, unknown key file: polling cannot fix it
      }
      return Observation.unreachable(failure.getOriginalMessage(), millisSince(started));
    }
    long latency = millisSince(started);
    String observed = "exit " + result.exitCode();
    if (result.exitSignal() == null && result.exitCode() == probe.expectExit()) {
      return Observation.healthy(observed, latency);
    }
    String tail = result.stderrTail(OUTPUT_TAIL_LINES);
    tail = tail.isEmpty() ? result.stdoutTail(OUTPUT_TAIL_LINES) : tail;
    return Observation.unhealthy(
        observed,
        "expected exit "
            + probe.expectExit()
            + ", but the command "
            + result.howItEnded()
            + (tail.isEmpty() ? " and printed nothing" : "; output ends: " + tail),
        latency);
  }

  @Override
  public String describe() {
    String run = probe.run().replaceAll("\\s+", " ").strip();
    run = run.length() > 60 ? run.substring(0, 60) + "…" : run;
    return "'" + run + "' on host " + probe.host();
  }
}
