package dev.lifeboat.app;

import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real shop database and a real {@code pg_dump -Fc} of it, with a sha256 sidecar. */
public final class SampleDump {
  private SampleDump() {}

  /** Makes the shop database on the test PostgreSQL and dumps it to {@code folder/shop.dump}. */
  public static Path create(TestPostgres pg, Path folder, int orders)
      throws IOException, InterruptedException {
    String database = pg.createDatabase("shop_it");
    PostgresServer server = TestPostgres.server();
    return create(folder, orders, server.host(), server.port(), database);
  }

  /** Fills {@code database} (which must exist, empty) and dumps it to {@code folder/shop.dump}. */
  public static Path create(Path folder, int orders, String host, int port, String database)
      throws IOException, InterruptedException {
    try (var connection =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/" + database,
                TestPostgres.server().user(),
                "");
        var statement = connection.createStatement()) {
      statement.execute(
          """
        create table customers (id int primary key, name text not null);
        create table orders (id int primary key, customer_id int not null references customers(id),
                             total numeric(10,2) not null);
        insert into customers select g, 'customer ' || g from generate_series(1, 10) g;
        insert into orders select g, 1 + g %% 10, g * 1.5 from generate_series(1, %d) g;
        """
              .formatted(orders));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("could not fill " + database + ": " + e.getMessage(), e);
    }
    Path dump = pgDump(host, port, database, folder.resolve("shop.dump"));
    Files.writeString(folder.resolve("shop.dump.sha256"), Sha256.of(dump) + "  shop.dump\n");
    return dump;
  }

  /** {@code pg_dump -Fc} of {@code database} into {@code dump}; fails with pg_dump's output. */
  public static Path pgDump(String host, int port, String database, Path dump)
      throws IOException, InterruptedException {
    Process pgDump =
        new ProcessBuilder(
                "pg_dump",
                "-Fc",
                "-h",
                host,
                "-p",
                String.valueOf(port),
                "-U",
                TestPostgres.server().user(),
                "-d",
                database,
                "-f",
                dump.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(pgDump.getInputStream().readAllBytes());
    if (pgDump.waitFor() != 0) {
      throw new IllegalStateException("pg_dump failed: " + output);
    }
    return dump;
  }
}
