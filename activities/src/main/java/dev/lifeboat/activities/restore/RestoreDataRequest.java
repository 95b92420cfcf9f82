package dev.lifeboat.activities.restore;

import java.util.Objects;

/**
 * Restore one backup: a PostgreSQL dump into a database on a configured server (read on the worker,
 * or with {@code host} on that host), or a tarball of files into a directory on a host.
 *
 * @param source the dump or tarball: on the worker's filesystem, or on {@code host} when set
 * @param server the configured server's name (see {@code postgresServers} in config.yml); {@code
 *     null} for a file restore
 * @param database the target database, created when missing; {@code null} for a file restore
 * @param format how to restore a dump
 * @param host the configured host the source is on and the restore runs on, or {@code null} for the
 *     worker
 * @param to for a file restore: the directory on {@code host} to extract the tarball into; {@code
 *     null} for a database restore
 */
public record RestoreDataRequest(
    String source, String server, String database, RestoreFormat format, String host, String to) {
  public RestoreDataRequest {
    Objects.requireNonNull(source, "source");
    if (to != null) {
      if (host == null) {
        throw new IllegalArgumentException("a file restore (to) needs the host to restore on");
      }
      if (server != null || database != null) {
        throw new IllegalArgumentException(
            "a file restore (to) takes no server or database; those are for dumps");
      }
    } else {
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(database, "database");
    }
    format = format == null ? RestoreFormat.AUTO : format;
  }

  /** A dump on the worker's filesystem into a database. */
  public RestoreDataRequest(String source, String server, String database, RestoreFormat format) {
    this(source, server, database, format, null, null);
  }

  /** Whether this restores files into a directory rather than a dump into a database. */
  public boolean restoresFiles() {
    return to != null;
  }
}
