package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.DumpHeader;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.LineCounts;
import dev.lifeboat.activities.ssh.RemoteFile;
import dev.lifeboat.activities.ssh.RemoteResult;
import dev.lifeboat.activities.ssh.ShellQuote;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * Measures a backup file on a configured host over SSH, with the same checks as for a local one:
 * the digest is computed and the reading ({@code pg_restore --list}, {@code pg_restore -f
 * /dev/null}, {@code tar -t}) runs on the host, and only counts come back. Directory-format dumps
 * are checked on the worker only.
 */
final class RemoteBackupFile {
  /** The shell's exit status for "command not found". */
  private static final int NOT_FOUND = 127;

  private static final DateTimeFormatter WALL_CLOCK =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private RemoteBackupFile() {}

  /**
   * The facts, or a non-retryable CHECK_FAILED naming host and path when there is no readable
   * backup file there.
   */
  static BackupFacts inspect(HostShell shell, String path, ReadDepth depth) {
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
        format.isArchive()
            ? taken(shell, file.head(), format, file.modifiedAt())
            : BackupTime.ofMtime(file.modifiedAt()),
        format,
        file.sha256(),
        new ChecksumSidecar(ChecksumSidecar.pathBeside(path), file.sidecarFirstLine()),
        BackupReading.read(format, path, file.sizeBytes(), depth, new HostReads(shell, path)));
  }

  /**
   * The header's wall-clock time read in the host's zone by the host's GNU {@code date}, with the
   * zone rules (daylight saving included) of the machine that most likely ran pg_dump.
   */
  private static BackupTime taken(
      HostShell shell, byte[] head, DumpFormat format, Instant modifiedAt) {
    DumpHeader header;
    try {
      header = DumpHeader.read(head, format);
    } catch (IllegalArgumentException e) {
      return BackupTime.unreadableHeader(modifiedAt, e.getMessage());
    }
    String wallClock = header.createdAt().format(WALL_CLOCK); // digits, '-', ':' and a space
    RemoteResult result =
        shell.require(
            "date -d " + ShellQuote.quote(wallClock) + " +%s",
            "reading the dump's creation time " + wallClock + " in the host's zone (GNU date)",
            StepFailureType.BAD_CONFIG);
    try {
      return BackupTime.of(
          Instant.ofEpochSecond(Long.parseLong(result.stdout().strip())), modifiedAt);
    } catch (NumberFormatException e) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "host "
              + shell.host().name()
              + " answered '"
              + result.stdoutTail(1)
              + "' to date -d; it needs GNU date to read a dump's creation time");
    }
  }

  /** Runs the reading commands on the host, counting entries there. */
  private record HostReads(HostShell shell, String path) implements BackupReading.Reader {
    /** A big tarball lists millions of names, which need not cross the network. */
    @Override
    public BackupReading.Run run(ListingCommand command) {
      String entryFilter = command.tool().equals(ListingCommand.PG_RESTORE) ? "!/^;/ && NF" : "NF";
      String commandLine =
          LineCounts.of(
              command.tool()
                  + " "
                  + command.args().stream().map(ShellQuote::quote).collect(Collectors.joining(" ")),
              entryFilter);
      RemoteResult result = shell.run(commandLine);
      if (result.exitCode() == NOT_FOUND) {
        throw StepFailures.of(
            StepFailureType.BAD_CONFIG,
            command.tool()
                + " is not installed on host "
                + shell.host().name()
                + " (or not on its PATH); "
                + result.stderrTail(1));
      }
      return new BackupReading.Run(
          result.succeeded(),
          result.succeeded() ? Integer.parseInt(result.stdout().strip()) : 0,
          result.stderrTail(3).replace('\n', ' '),
          result.took());
    }

    @Override
    public byte[] tail(int bytes) {
      RemoteResult result =
          shell.require(
              "tail -c " + bytes + " -- " + ShellQuote.quote(path) + " | base64 | tr -d '\\n'",
              "reading the end of " + path,
              StepFailureType.UNAVAILABLE);
      return Base64.getDecoder().decode(result.stdout().strip());
    }
  }
}
