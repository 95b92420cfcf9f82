package dev.lifeboat.activities.ssh;

import java.io.OutputStream;
import java.time.Duration;

/** The two output streams of one remote command, and the process group id its wrapper reported. */
final class CapturedOutput {
  private final HeadTailBuffer stdout;
  private final HeadTailBuffer stderr;
  private final PidLineSplitter pidThenStdout;

  CapturedOutput(int capBytes) {
    this.stdout = new HeadTailBuffer(capBytes);
    this.stderr = new HeadTailBuffer(capBytes);
    this.pidThenStdout = new PidLineSplitter(stdout);
  }

  /** Where the channel writes stdout: the wrapper's PID line first, then the command's output. */
  OutputStream stdoutSink() {
    return pidThenStdout;
  }

  OutputStream stderrSink() {
    return stderr;
  }

  long processGroup() {
    return pidThenStdout.pid();
  }

  RemoteProgress progress(String host, Duration elapsed) {
    return new RemoteProgress(host, stdout.total(), stderr.total(), elapsed);
  }

  RemoteResult result(int exitCode, String exitSignal, Duration took) {
    return new RemoteResult(
        exitCode,
        exitSignal,
        stdout.text(),
        stderr.text(),
        stdout.bytesCut(),
        stderr.bytesCut(),
        took);
  }
}
