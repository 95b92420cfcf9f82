package dev.lifeboat.activities.restore;

import java.util.Objects;

/**
 * Restore one PostgreSQL dump into a database on a configured server.
 *
 * @param source the dump file on the worker's filesystem
 * @param server the configured server's name (see {@code postgresServers} in config.yml)
 * @param database the target database; created when missing
 * @param format how to restore it
 */
public record RestoreDataRequest(
    String source, String server, String database, RestoreFormat format) {
  public RestoreDataRequest {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(database, "database");
    format = format == null ? RestoreFormat.AUTO : format;
  }
}
