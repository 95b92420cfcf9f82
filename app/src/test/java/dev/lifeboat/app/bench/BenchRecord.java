package dev.lifeboat.app.bench;

import com.codahale.metrics.MetricRegistry;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.StateColumns;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * A benchmark's record: an embedded PostgreSQL in a fresh directory, migrated, behind the same
 * pooled data source the service uses (a connection per query would measure PostgreSQL's connection
 * set-up, not Lifeboat).
 */
record BenchRecord(EmbeddedPostgres postgres, ManagedDataSource pool, Jdbi jdbi)
    implements AutoCloseable {
  static BenchRecord start(String purpose) throws Exception {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(purpose)).start();
    Migrations.migrate(postgres.getPostgresDatabase());
    DataSourceFactory database = new DataSourceFactory();
    database.setDriverClass("org.postgresql.Driver");
    database.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
    database.setUser("postgres");
    ManagedDataSource pool = database.build(new MetricRegistry(), "bench");
    pool.start();
    return new BenchRecord(
        postgres,
        pool,
        Jdbi.create(pool).installPlugin(new SqlObjectPlugin()).installPlugin(new StateColumns()));
  }

  @Override
  public void close() throws Exception {
    try {
      pool.stop();
    } finally {
      postgres.close();
    }
  }
}
