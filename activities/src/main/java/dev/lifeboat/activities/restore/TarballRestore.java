package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;
import static dev.lifeboat.activities.ssh.ShellQuote.quote;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.LineCounts;
import dev.lifeboat.activities.ssh.RemoteFile;
import dev.lifeboat.activities.ssh.RemoteResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;

/**
 * Extracts a tarball into a directory on a configured host, never losing data and safe to re-run.
 * The target must be absent, empty, or hold Lifeboat's stamp file from a restore of the same
 * tarball (then nothing is done). A non-empty directory without that stamp is refused
 * (non-retryable): it may be the only copy of something. The tarball is extracted into a sibling
 * directory ({@code .<name>.lifeboat-partial}) which is renamed into place only when complete, so a
 * killed restore never leaves a half-filled target; the next attempt removes the leftover.
 */
final class TarballRestore {
  /** The stamp file inside a restored directory; it holds a {@link RestoreStamp}'s text. */
  static final String STAMP_FILE = ".lifeboat-restore";

  private final Clock clock;

  TarballRestore(Clock clock) {
    this.clock = clock;
  }

  RestoreDataResult restore(RestoreDataRequest request, HostShell shell) {
    long started = clock.millis();
    String to = requireTarget(request.to());
    RemoteFile tarball =
        RemoteFile.inspect(shell, request.source(), DumpFormat.HEAD_BYTES)
            .requireReadable("tarball", TarballRestore::badInput);
    DumpFormat format = DumpFormat.detect(tarball.head());
    if (!format.isTarball()) {
      throw badInput(
          tarball.location()
              + " is not a tarball (tar or gzip-compressed tar) but "
              + (format == DumpFormat.UNKNOWN
                  ? "an unknown format"
                  : "a " + format.label() + " dump")
              + "; restore dumps into a database with server and database");
    }
    RestoreStamp stamp = new RestoreStamp(tarball.sha256());
    String where = to + " on host " + shell.host().name();
    TargetDirectory target = TargetDirectory.inspect(shell, to, STAMP_FILE);
    if (target.holds(stamp)) {
      return result(
          0,
          started,
          where
              + " already holds this tarball (sha256 "
              + stamp.dumpSha256().substring(0, 12)
              + "…, stamped by an earlier restore); nothing extracted");
    }
    target.requireUsable(where);

    RemoteResult extracted = shell.run(extractScript(tarball, format, to, stamp));
    if (!extracted.succeeded()) {
      ApplicationFailure failure =
          shell.failure(extracted, "extracting " + tarball.path(), StepFailureType.TOOL_FAILED);
      // A damaged tarball, or a directory the SSH user may not write, fails every attempt alike.
      throw ToolErrors.retryCannotFix(extracted.stderrTail(5))
          ? StepFailures.permanent(StepFailureType.TOOL_FAILED, failure.getOriginalMessage())
          : failure;
    }
    String output = extracted.stdout().strip();
    Duration took = Duration.ofMillis(clock.millis() - started);
    return result(
        tarball.sizeBytes(),
        started,
        "extracted "
            + output
            + " entries of "
            + format.label()
            + " "
            + tarball.path()
            + " ("
            + bytes(tarball.sizeBytes())
            + ") into "
            + where
            + " with tar in "
            + duration(took));
  }

  /**
   * Extracts into a fresh sibling, counts the entries on the host (tar -v lists each one), writes
   * the stamp, and only then renames the sibling into place. {@code rmdir} of the old target fails
   * (and so the restore) if anything appeared in it meanwhile.
   */
  private static String extractScript(
      RemoteFile tarball, DumpFormat format, String to, RestoreStamp stamp) {
    String flags = format == DumpFormat.GZIP_TARBALL ? "-xzvf" : "-xvf";
    return String.join(
        "\n",
        "set -e",
        "t=" + quote(to),
        "parent=$(dirname \"$t\")",
        "tmp=\"$parent/.$(basename \"$t\").lifeboat-partial\"",
        "mkdir -p \"$parent\"",
        "rm -rf \"$tmp\"",
        "mkdir \"$tmp\"",
        LineCounts.of("tar " + flags + " " + quote(tarball.path()) + " -C \"$tmp\"", "NF"),
        "printf '%s\\n' " + quote(stamp.text()) + " > \"$tmp/" + STAMP_FILE + "\"",
        "if [ -e \"$t\" ]; then rmdir \"$t\"; fi",
        "mv \"$tmp\" \"$t\"");
  }

  /** A file restore writes only where it was told to: an absolute path, never the root. */
  private static String requireTarget(String to) {
    String trimmed = to.replaceAll("/+$", "");
    if (!to.startsWith("/") || trimmed.isEmpty()) {
      throw badInput("to must be an absolute directory path other than /, not '" + to + "'");
    }
    return trimmed;
  }

  private static RuntimeException badInput(String message) {
    return StepFailures.of(StepFailureType.BAD_INPUT, message);
  }

  private RestoreDataResult result(long size, long started, String summary) {
    return new RestoreDataResult(
        null, null, false, false, "tar", size, clock.millis() - started, summary);
  }
}
