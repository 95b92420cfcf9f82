package dev.lifeboat.activities.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Makes a remote command killable, and kills it.
 *
 * <p>Closing an SSH channel does not stop the command behind it: without a terminal there is no
 * SIGHUP, and {@code sleep 300} never writes, so it never meets a broken pipe. OpenSSH's sshd
 * starts every exec request in a new session ({@code setsid()}), so the shell it starts leads its
 * own process group, and a non-interactive shell leaves its children in that group. {@link #wrap}
 * therefore has that shell print its PID (= the group id) as the first line of stdout and then
 * {@code exec} the real command, keeping the PID. To kill, {@link #kill} opens a second channel on
 * the same connection and signals the whole group: SIGTERM, a grace period, then SIGKILL, and
 * reports whether anything is left. Background children are caught too; only a process that
 * deliberately leaves the group (setsid, nohup with its own group) escapes. We also do not rely on
 * the SSH "signal" channel request: many servers ignore it.
 */
final class RemoteProcessGroup {
  private RemoteProcessGroup() {}

  /**
   * The command line to send: prints the process group id, then becomes the command. The outer
   * {@code exec sh -c} keeps the login shell's PID and makes the wrapper work under any login
   * shell.
   */
  static String wrap(String commandLine) {
    return "exec sh -c 'echo $$; exec sh -c \"$1\"' lifeboat " + ShellQuote.quote(commandLine);
  }

  /**
   * Kills process group {@code pgid} on the session's host.
   *
   * @return true when the host confirmed nothing of the group is left
   */
  static boolean kill(Session session, long pgid, Duration grace) {
    if (pgid <= 1 || !session.isConnected()) {
      return false;
    }
    long polls = Math.max(1, grace.toMillis() / 100);
    // alive: the group still has members, or (if the shell was not a group leader) the PID lives.
    String script =
        "P="
            + pgid
            + "; alive() { kill -0 -$P 2>/dev/null || kill -0 $P 2>/dev/null; }"
            + "; settle() { i=0; while alive && [ $i -lt $1 ]; do sleep 0.1; i=$((i+1)); done; }"
            + "; kill -TERM -$P 2>/dev/null || kill -TERM $P 2>/dev/null"
            + "; settle "
            + polls
            + "; alive && { kill -KILL -$P 2>/dev/null || kill -KILL $P 2>/dev/null; settle 20; }"
            + "; alive && echo alive || echo gone";
    ChannelExec channel = null;
    try {
      channel = (ChannelExec) session.openChannel("exec");
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      channel.setCommand("exec sh -c " + ShellQuote.quote(script));
      channel.setOutputStream(answer, true);
      channel.connect((int) Math.max(1000, grace.toMillis()));
      long deadline = System.nanoTime() + grace.plusSeconds(5).toNanos();
      while (!channel.isClosed() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      return answer.toString(StandardCharsets.US_ASCII).trim().equals("gone");
    } catch (JSchException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      if (channel != null) {
        channel.disconnect();
      }
    }
  }
}
