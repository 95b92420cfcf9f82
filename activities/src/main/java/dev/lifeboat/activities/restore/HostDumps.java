package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.RemoteFile;
import dev.lifeboat.activities.ssh.RemoteResult;
import dev.lifeboat.activities.ssh.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Dumps on a configured host, restored there by the host's own pg_restore or psql (on its {@code
 * PATH}) into the configured server, addressed as the host sees it: the dump never crosses the
 * network, and its sha256 is computed on the host. The server's password is written to the
 * command's standard input and read into {@code PGPASSWORD} there, so it appears in no command line
 * (which {@code ps} on the host would show) and in no message.
 */
final class HostDumps implements DumpRestorer {
  /** Reads the password from the first line of stdin; an empty one leaves ~/.pgpass in charge. */
  static final String READ_PASSWORD =
      "IFS= read -r PGPASSWORD || true; "
          + "if [ -n \"$PGPASSWORD\" ]; then export PGPASSWORD; else unset PGPASSWORD; fi";

  private final HostShell shell;

  HostDumps(HostShell shell) {
    this.shell = shell;
  }

  @Override
  public RestoreSource inspect(String path, RestoreFormat requested) {
    RemoteFile file =
        RemoteFile.inspect(shell, path, DumpFormat.HEAD_BYTES)
            .requireReadable(
                "dump", message -> StepFailures.of(StepFailureType.BAD_INPUT, message));
    return RestoreSource.of(
        path,
        file.location(),
        DumpFormat.detect(file.head()),
        file.sha256(),
        file.sizeBytes(),
        requested);
  }

  @Override
  public ToolOutcome run(RestoreCommand command, PostgresServer server) {
    RemoteResult result = shell.run(commandLine(command, server), server.password() + "\n");
    return new ToolOutcome(result.succeeded(), result.howItEnded(), result.stderrTail(5));
  }

  /** The shell line: read the password, set the client environment, become the tool. */
  static String commandLine(RestoreCommand command, PostgresServer server) {
    List<String> words = new ArrayList<>();
    words.add(command.tool());
    words.addAll(PgTools.connectionArgs(server));
    words.addAll(command.args());
    String environment =
        PgTools.CLIENT_ENVIRONMENT.entrySet().stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + ShellQuote.quote(e.getValue()))
            .collect(Collectors.joining(" "));
    return READ_PASSWORD
        + "; export "
        + environment
        + "; exec "
        + words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }
}
