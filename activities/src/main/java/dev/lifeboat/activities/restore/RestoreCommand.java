package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.postgres.DatabaseNames.quoted;

import java.util.List;

/**
 * The exact pg_restore or psql invocation of a restore, each all-or-nothing; the same on the worker
 * and on a host. The connection options ({@code -h -p -U}) and the password are added by whoever
 * runs it.
 *
 * @param tool {@code pg_restore} or {@code psql}
 * @param args the arguments after the connection options
 */
record RestoreCommand(String tool, List<String> args) {

  static RestoreCommand of(RestoreSource source, String database) {
    return source.format().isArchive()
        ? pgRestore(source.path(), database)
        : psql(source.path(), database, source.stamp());
  }

  /**
   * One transaction; {@code --clean --if-exists} drops the dump's objects first so a target holding
   * an earlier restore is replaced, not doubled; ownership and grants are the target's business.
   */
  private static RestoreCommand pgRestore(String source, String database) {
    return new RestoreCommand(
        "pg_restore",
        List.of(
            "--dbname=" + database,
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            "--clean",
            "--if-exists",
            "--verbose",
            source));
  }

  /**
   * One transaction that also writes the stamp, so the script and the stamp commit together: a
   * plain script cannot be safely re-run, so there must be no moment when it is applied but
   * unstamped. {@code -X} ignores any {@code .psqlrc} of the user running it; verbose errors carry
   * their SQLSTATE, which tells a failure worth retrying from one that is not ({@link ToolErrors}).
   */
  private static RestoreCommand psql(String source, String database, RestoreStamp stamp) {
    return new RestoreCommand(
        "psql",
        List.of(
            "-X",
            "--dbname=" + database,
            "-v",
            "ON_ERROR_STOP=1",
            "-v",
            "VERBOSITY=verbose",
            "--single-transaction",
            "--file=" + source,
            "-c",
            stamp.commentSql(quoted(database))));
  }
}
