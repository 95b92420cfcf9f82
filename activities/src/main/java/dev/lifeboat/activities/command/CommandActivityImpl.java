package dev.lifeboat.activities.command;

import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.Redactor;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.secrets.ShellScript;
import dev.lifeboat.activities.secrets.StepSecrets;
import dev.lifeboat.activities.ssh.RemoteCommand;
import dev.lifeboat.activities.ssh.RemoteListener;
import dev.lifeboat.activities.ssh.RemoteResult;
import dev.lifeboat.activities.ssh.RemoteShell;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshHosts;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;
import java.util.List;

/**
 * Runs the command through a {@link RemoteShell} and judges its exit code. Every tick of the shell
 * becomes a heartbeat; a cancelled activity's heartbeat throws, and the shell then kills the remote
 * command before the cancellation reaches Temporal.
 */
public final class CommandActivityImpl implements CommandActivity {
  /** Enough of stderr to say why, short enough to read in a failure message. */
  private static final int STDERR_TAIL_LINES = 5;

  private final SshHosts hosts;
  private final RemoteShell shell;
  private final Secrets secrets;

  /** Secrets come from the worker's environment and files. */
  public CommandActivityImpl(SshHosts hosts, RemoteShell shell) {
    this(hosts, shell, LocalSecrets.ofProcess());
  }

  public CommandActivityImpl(SshHosts hosts, RemoteShell shell, Secrets secrets) {
    this.hosts = hosts;
    this.shell = shell;
    this.secrets = secrets;
  }

  /**
   * Secrets in the command line reach the remote shell on its stdin (see {@link ShellScript}), and
   * their values are redacted from the output, the summary and any failure before they leave.
   */
  @Override
  public CommandResult command(CommandRequest request) {
    StepSecrets used = StepSecrets.resolve(secrets, List.of(request.commandLine()));
    Redactor redactor = used.redactor();
    try {
      CommandResult result = run(request, used.forShell(request.commandLine()));
      return new CommandResult(
          result.exitCode(),
          redactor.redact(result.stdout()),
          redactor.redact(result.stderr()),
          result.bytesCut(),
          result.durationMillis(),
          redactor.redact(result.summary()));
    } catch (RuntimeException e) {
      throw redactor.redactFailure(e);
    }
  }

  private CommandResult run(CommandRequest request, ShellScript script) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    SshHost host = hosts.require(request.host());
    // Without its own timeout the command may run as long as the step may: the shell's kill then
    // comes before Temporal gives up on the attempt.
    Duration timeout =
        request.timeout() != null ? request.timeout() : activity.getInfo().getStartToCloseTimeout();
    RemoteResult result =
        shell.run(
            host,
            new RemoteCommand(
                script.commandLine(), timeout, request.outputCapBytes(), script.stdin()),
            heartbeats(activity));
    if (result.exitCode() != request.expectExitCode()) {
      throw StepFailures.of(
          StepFailureType.CHECK_FAILED,
          "command on host "
              + host.name()
              + " "
              + result.howItEnded()
              + ", expected "
              + request.expectExitCode()
              + result.stderrNote(STDERR_TAIL_LINES));
    }
    long bytesCut = result.stdoutBytesCut() + result.stderrBytesCut();
    String summary =
        "ran command on host "
            + host.name()
            + ": exit "
            + result.exitCode()
            + " in "
            + duration(result.took())
            + (bytesCut > 0 ? "; " + bytesCut + " bytes of output left out" : "");
    return new CommandResult(
        result.exitCode(),
        result.stdout(),
        result.stderr(),
        bytesCut,
        result.took().toMillis(),
        summary);
  }

  private static RemoteListener heartbeats(ActivityExecutionContext activity) {
    return progress ->
        activity.heartbeat(
            new CommandProgress(
                progress.host(),
                progress.stdoutBytes(),
                progress.stderrBytes(),
                progress.elapsed().toMillis()));
  }
}
