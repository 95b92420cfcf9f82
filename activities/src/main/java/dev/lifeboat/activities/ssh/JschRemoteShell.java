package dev.lifeboat.activities.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@link RemoteShell} over SSH with JSch (the maintained {@code com.github.mwiede} fork). One
 * connection per command: steps are minutes apart, and a fresh connection re-checks the host key.
 * See {@link RemoteProcessGroup} for how a command is killed.
 */
public final class JschRemoteShell implements RemoteShell {
  private final SshSettings settings;
  private final SshConnector connector;

  /** Reads {@code env:} passphrase references from this process's environment. */
  public JschRemoteShell(SshSettings settings) {
    this(settings, System.getenv());
  }

  /**
   * @param env where {@code env:} passphrase references are looked up
   */
  public JschRemoteShell(SshSettings settings, Map<String, String> env) {
    this.settings = settings;
    this.connector = new SshConnector(settings, env);
  }

  /**
   * Connects to {@code host} with the same strict host-key check and key login as {@link #run},
   * then disconnects without opening a channel: proves the host could run a step's command, and
   * runs none. Fails as {@link #run} does when connecting fails.
   */
  public void login(SshHost host) {
    connector.connect(host).disconnect();
  }

  @Override
  public RemoteResult run(SshHost host, RemoteCommand command, RemoteListener listener) {
    Session session = connector.connect(host);
    try {
      return execute(session, host, command, listener);
    } finally {
      session.disconnect();
    }
  }

  private RemoteResult execute(
      Session session, SshHost host, RemoteCommand command, RemoteListener listener) {
    CapturedOutput output = new CapturedOutput(command.outputCapBytes());
    ChannelExec channel = null;
    long started = System.nanoTime();
    try {
      channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(RemoteProcessGroup.wrap(command.commandLine()));
      channel.setOutputStream(output.stdoutSink(), true);
      channel.setErrStream(output.stderrSink(), true);
      OutputStream stdin = channel.getOutputStream();
      channel.connect((int) settings.connectTimeout().toMillis());
      if (command.stdin() != null) {
        stdin.write(command.stdin().getBytes(StandardCharsets.UTF_8));
        stdin.flush();
      }
      stdin.close(); // EOF after it: a command reading input must not hang until the timeout
      boolean ended = awaitEnd(channel, session, host, command, listener, output, started);
      if (!ended) {
        boolean gone = kill(session, output);
        throw StepFailures.of(
            StepFailureType.UNAVAILABLE,
            "command on host "
                + host.name()
                + " ("
                + host.target()
                + ") timed out after "
                + HumanUnits.duration(command.timeout())
                + (gone
                    ? "; remote command killed"
                    : "; could not confirm that the remote command (process group "
                        + output.processGroup()
                        + ") was killed"));
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      return output.result(channel.getExitStatus(), channel.getExitSignal(), took);
    } catch (JSchException | IOException e) {
      throw StepFailures.of(
          StepFailureType.UNAVAILABLE,
          "host "
              + host.name()
              + " ("
              + host.target()
              + "): cannot run the command: "
              + e.getMessage(),
          e);
    } finally {
      if (channel != null) {
        channel.disconnect();
      }
    }
  }

  /**
   * Waits for the channel to close, ticking the listener. Kills the remote command when the
   * listener throws or this thread is interrupted.
   *
   * @return true when the command ended by itself, false when its timeout came first
   */
  @SuppressWarnings("java:S107") // the pieces of one running command
  private boolean awaitEnd(
      ChannelExec channel,
      Session session,
      SshHost host,
      RemoteCommand command,
      RemoteListener listener,
      CapturedOutput output,
      long started) {
    long deadline = started + command.timeout().toNanos();
    long tick = settings.tickInterval().toNanos();
    // The first tick comes at once: the activity's heartbeat then says which host works on it from
    // the start, also for a command that ends within one interval.
    long nextTick = started;
    try {
      while (!channel.isClosed()) {
        long now = System.nanoTime();
        if (now >= deadline) {
          return false;
        }
        if (now >= nextTick) {
          nextTick += tick;
          listener.onTick(output.progress(host.name(), Duration.ofNanos(now - started)));
        }
        Thread.sleep(Math.max(1, Math.min(20, (Math.min(deadline, nextTick) - now) / 1_000_000)));
      }
      return true;
    } catch (InterruptedException e) {
      kill(session, output);
      Thread.currentThread().interrupt();
      throw StepFailures.of(
          StepFailureType.UNAVAILABLE,
          "command on host " + host.name() + " was interrupted; remote command killed",
          e);
    } catch (RuntimeException | Error e) {
      kill(session, output); // the listener threw: cancellation, lost heartbeat, ...
      throw e;
    }
  }

  /**
   * Kills with the interrupt flag cleared meanwhile, so the kill itself can wait for an answer. A
   * timeout or cancellation may strike before the wrapper's PID line has arrived: the login shell
   * runs its rc files first (bash does so for every SSH command, and a slow ~/.bashrc takes seconds
   * on a loaded host), so wait for it as long as reaching the host may take.
   */
  private boolean kill(Session session, CapturedOutput output) {
    boolean interrupted = Thread.interrupted();
    try {
      long giveUp =
          System.nanoTime() + settings.connectTimeout().plus(settings.killWait()).toNanos();
      while (output.processGroup() < 0 && System.nanoTime() < giveUp) {
        Thread.sleep(10);
      }
      return RemoteProcessGroup.kill(session, output.processGroup(), settings.killWait());
    } catch (InterruptedException e) {
      interrupted = true; // keep a second interrupt for the caller
      return false;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
