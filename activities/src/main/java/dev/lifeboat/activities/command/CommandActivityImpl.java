package dev.lifeboat.activities.command;

import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.ssh.RemoteCommand;
import dev.lifeboat.activities.ssh.RemoteListener;
import dev.lifeboat.activities.ssh.RemoteResult;
import dev.lifeboat.activities.ssh.RemoteShell;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshHosts;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Duration;

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

  public CommandActivityImpl(SshHosts hosts, RemoteShell shell) {
    this.hosts = hosts;
    this.shell = shell;
  }

  @Override
  public CommandResult command(CommandRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    SshHost host = hosts.require(request.host());
    // Without its own timeout the command may run as long as the step may: the shell's kill then
    // comes before Temporal gives up on the attempt.
    Duration timeout =
        request.timeout() != null ? request.timeout() : activity.getInfo().getStartToCloseTimeout();
    RemoteResult result =
        shell.run(
            host,
            new RemoteCommand(request.commandLine(), timeout, request.outputCapBytes()),
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
