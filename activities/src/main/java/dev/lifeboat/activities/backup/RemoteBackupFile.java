package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.RemoteFile;
import dev.lifeboat.activities.ssh.RemoteResult;
import dev.lifeboat.activities.ssh.ShellQuote;
import java.util.stream.Collectors;

/**
 * Measures a backup file on a configured host over SSH, with the same checks as for a local one:
 * the digest is computed and the listing ({@code pg_restore --list}, {@code tar -t}) runs on the
 * host, and only the counts come back. Directory-format dumps are checked on the worker only.
 */
final class RemoteBackupFile {
  /** The shell's exit status for "command not found". */
  private static final int NOT_FOUND = 127;

  private RemoteBackupFile() {}

  /**
   * The facts, or a non-retryable CHECK_FAILED naming host and path when there is no readable
   * backup file there.
   */
  static BackupFacts inspect(HostShell shell, String path) {
    RemoteFile file = RemoteFile.inspect(shell, path, DumpFormat.HEAD_BYTES);
    String location = BackupFacts.location(shell.host().name(), path);
    switch (file.kind()) {
      case MISSING -> throw notUsable("backup not found: " + location);
      case DIRECTORY ->
          throw notUsable(
              "backup "
                  + location
                  + " is a directory; on a host only single files are checked (custom, tar or"
                  + " plain dumps and tarballs)");
      case SPECIAL -> throw notUsable("backup " + location + " is not a regular file");
      case UNREADABLE ->
          throw notUsable(
              "backup " + location + " is not readable by " + shell.host().user() + " there");
      case FILE -> {
        // measured below
      }
    }
    DumpFormat format = DumpFormat.detect(file.head());
    return new BackupFacts(
        shell.host().name(),
        path,
        file.sizeBytes(),
        file.modifiedAt(),
        format,
        file.sha256(),
        new ChecksumSidecar(ChecksumSidecar.pathBeside(path), file.sidecarFirstLine()),
        ListingCommand.of(format, path).map(listing -> list(shell, listing)).orElse(null));
  }

  /**
   * Runs the listing on the host and counts its entries there: a big tarball lists millions of
   * names, which need not cross the network. The tool's exit status survives the pipe as a last
   * marker line that awk turns back into its own exit status.
   */
  private static Listing list(HostShell shell, ListingCommand listing) {
    String entryFilter = listing.tool().equals(ListingCommand.PG_RESTORE) ? "!/^;/ && NF" : "NF";
    String command =
        "( "
            + listing.tool()
            + " "
            + listing.args().stream().map(ShellQuote::quote).collect(Collectors.joining(" "))
            + "; echo \"lifeboat-exit-status $?\" ) | awk '/^lifeboat-exit-status /{rc=$2; next} "
            + entryFilter
            + " {n++} END {print n+0; exit rc}'";
    RemoteResult result = shell.run(command);
    if (result.exitCode() == NOT_FOUND) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          listing.tool()
              + " is not installed on host "
              + shell.host().name()
              + " (or not on its PATH); "
              + result.stderrTail(1));
    }
    if (!result.succeeded()) {
      return listing.unreadable(result.stderrTail(3).replace('\n', ' '));
    }
    return Listing.of(Integer.parseInt(result.stdout().strip()));
  }

  private static RuntimeException notUsable(String message) {
    return StepFailures.permanent(StepFailureType.CHECK_FAILED, message);
  }
}
