package dev.lifeboat.app.cli;

import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.embedded.EmbeddedPostgresServer;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.StateColumns;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The record database for a command that works without the server ({@code audit verify}, {@code
 * report}): the embedded PostgreSQL (the running service's, or started for the command) or the
 * configured one, its schema brought up to date, closed (and stopped) afterwards.
 */
final class OfflineRecord {
  private OfflineRecord() {}

  /** What a command does with the record. */
  interface Use {
    void with(Jdbi record) throws Exception;
  }

  static void use(
      Bootstrap<LifeboatConfiguration> bootstrap,
      LifeboatConfiguration configuration,
      String name,
      Use use)
      throws Exception {
    DataSourceFactory database = configuration.getDatabase();
    Optional<EmbeddedPostgresServer> started =
        configuration.getEmbeddedPostgres().openFor(database, LocalSecrets.ofProcess());
    try {
      ManagedDataSource dataSource = database.build(bootstrap.getMetricRegistry(), name);
      try {
        // A record last used by an older Lifeboat gets its new columns first (no rows change).
        Migrations.migrate(dataSource);
        use.with(
            Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new StateColumns()));
      } finally {
        dataSource.stop();
      }
    } finally {
      if (started.isPresent()) {
        started.get().stop();
      }
    }
  }
}
