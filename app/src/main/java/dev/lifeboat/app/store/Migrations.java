package dev.lifeboat.app.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings Lifeboat's schema up to date with the versioned scripts in {@code db/migration}. */
public final class Migrations {
  private Migrations() {}

  /** Returns how many migrations were applied. */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
