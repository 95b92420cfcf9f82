package dev.lifeboat.activities.ssh;

import java.time.Duration;

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
}
