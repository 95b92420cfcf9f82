package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.postgres.DatabaseNames.quoted;

import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.process.ToolCommand;
import java.nio.file.Path;
import java.util.List;

/** The exact pg_restore and psql invocations of a restore, each all-or-nothing. */
final class RestoreCommands {
  private final PgTools tools;

  RestoreCommands(PgTools tools) {
    this.tools = tools;
  }

  ToolCommand restore(RestoreSource source, PostgresServer server, String database) {
    return source.format().isArchive()
        ? pgRestore(source.path(), server, database)
        : psql(source.path(), server, database, source.stamp());
  }

  /**
   * One transaction; {@code --clean --if-exists} drops the dump's objects first so a target holding
   * an earlier restore is replaced, not doubled; ownership and grants are the target's business.
   */
  private ToolCommand pgRestore(Path source, PostgresServer server, String database) {
    return tools.against(
        tools.pgRestore(),
        server,
        List.of(
            "--dbname=" + database,
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--verbose",
            source.toAbsolutePath().toString()));
  }

  /**
   * One transaction that also writes the stamp, so the script and the stamp commit together: a
   * plain script cannot be safely re-run, so there must be no moment when it is applied but
   * unstamped. {@code -X} ignores any {@code .psqlrc} of the worker's user.
   */
  private ToolCommand psql(
      Path source, PostgresServer server, String database, RestoreStamp stamp) {
    return tools.against(
        tools.psql(),
        server,
        List.of(
            "-X",
            "--dbname=" + database,
            "-v",
            "ON_ERROR_STOP=1",
            "--single-transaction",
            "--file=" + source.toAbsolutePath(),
            "-c",
            stamp.commentSql(quoted(database))));
  }
}
