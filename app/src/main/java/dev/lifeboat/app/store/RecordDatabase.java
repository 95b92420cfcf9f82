package dev.lifeboat.app.store;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lifeboat's record as the service opens it: schema brought up to date, then JDBI on a pool. */
public final class RecordDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(RecordDatabase.class);

  private RecordDatabase() {}

  /**
   * Migrates on a pool of its own, closed at once, then builds the service's JDBI (its pool managed
   * and health-checked as {@code postgresql}).
   */
  public static Jdbi open(DataSourceFactory database, Environment environment) {
    ManagedDataSource dataSource = database.build(environment.metrics(), "lifeboat-migrations");
    try {
      int applied = Migrations.migrate(dataSource);
      LOG.info("database schema up to date ({} migration(s) applied now)", applied);
    } finally {
      try {
        dataSource.stop();
      } catch (Exception e) {
        LOG.warn("closing the migration pool failed", e);
      }
    }
    return new JdbiFactory()
        .build(environment, database, "postgresql")
        .installPlugin(new StateColumns());
  }
}
