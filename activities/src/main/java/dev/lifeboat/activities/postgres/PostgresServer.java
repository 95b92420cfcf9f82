package dev.lifeboat.activities.postgres;

import java.util.Objects;

/**
 * Where a named PostgreSQL server is and how to log in. Runbooks name servers; addresses and
 * credentials live only in Lifeboat's configuration.
 *
 * @param maintenanceDatabase the database to connect to for CREATE DATABASE and similar
 */
public record PostgresServer(
    String host, int port, String user, String password, String maintenanceDatabase) {
  public PostgresServer {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    maintenanceDatabase = maintenanceDatabase == null ? "postgres" : maintenanceDatabase;
    password = password == null ? "" : password;
  }

  /** The JDBC URL of one database on this server. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  @Override
  public String toString() {
    return "PostgresServer[" + user + "@" + host + ":" + port + "]";
  }
}
