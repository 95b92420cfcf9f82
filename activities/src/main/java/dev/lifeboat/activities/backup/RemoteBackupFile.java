package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.LineCounts;
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
    RemoteFile file =
        RemoteFile.inspect(shell, path, DumpFormat.HEAD_BYTES)
            .requireReadable(
                "backup", message -> StepFailures.permanent(StepFailureType.CHECK_FAILED, message));
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
   * names, which need not cross the network.
   */
  private static Listing list(HostShell shell, ListingCommand listing) {
    String entryFilter = listing.tool().equals(ListingCommand.PG_RESTORE) ? "!/^;/ && NF" : "NF";
    String command =
        LineCounts.of(
            listing.tool()
                + " "
                + listing.args().stream().map(ShellQuote::quote).collect(Collectors.joining(" ")),
            entryFilter);
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
}
