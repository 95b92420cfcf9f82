package dev.lifeboat.activities.ssh;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What a remote command did. A non-zero exit is a result, not a failure: a health check wants the
 * code, a failover step decides itself whether it is fatal.
 *
 * @param exitCode the command's exit status, or -1 when it was ended by a signal
 * @param exitSignal the signal's name ({@code KILL}, {@code SEGV}) when ended by one, else null
 * @param stdout standard output, with the middle replaced by a marker when over the cap
 * @param stderr standard error, likewise
 * @param stdoutBytesCut how many bytes of standard output were left out (0 when it all fit)
 * @param stderrBytesCut how many bytes of standard error were left out
 * @param took from opening the command channel to its end
 */
public record RemoteResult(
    int exitCode,
    String exitSignal,
    String stdout,
    String stderr,
    long stdoutBytesCut,
    long stderrBytesCut,
    Duration took) {
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** {@code exited with 3} or {@code was ended by signal KILL}, for messages. */
  public String howItEnded() {
    return exitSignal != null ? "was ended by signal " + exitSignal : "exited with " + exitCode;
  }

  /** The last {@code maxLines} non-blank lines of standard error, joined by newlines. */
  public String stderrTail(int maxLines) {
    return tail(stderr, maxLines);
  }

  /**
   * For the end of a failure message: {@code ; stderr ends: LAST LINES}, or {@code ; it wrote
   * nothing to stderr}.
   */
  public String stderrNote(int maxLines) {
    String tail = stderrTail(maxLines);
    return tail.isEmpty() ? "; it wrote nothing to stderr" : "; stderr ends: " + tail;
  }

  /** The last {@code maxLines} non-blank lines of standard output, joined by newlines. */
  public String stdoutTail(int maxLines) {
    return tail(stdout, maxLines);
  }

  private static String tail(String text, int maxLines) {
    List<String> lines = Arrays.stream(text.split("\n")).filter(l -> !l.isBlank()).toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - maxLines), lines.size()));
  }
}
