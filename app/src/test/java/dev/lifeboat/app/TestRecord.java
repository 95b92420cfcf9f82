package dev.lifeboat.app;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.StateColumns;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh record database on the test PostgreSQL with Lifeboat's schema migrated in, for tests of
 * the store and of what reads it without the whole app. {@code pg} drops it afterwards.
 *
 * @param migrationsApplied how many migrations the fresh database took
 */
public record TestRecord(Jdbi jdbi, int migrationsApplied) {
  public static TestRecord create(TestPostgres pg, String purpose) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(pg.url(pg.createDatabase(purpose)));
    dataSource.setUser(TestPostgres.server().user());
    dataSource.setPassword(TestPostgres.server().password());
    int applied = Migrations.migrate(dataSource);
    return new TestRecord(
        Jdbi.create(dataSource)
            .installPlugin(new SqlObjectPlugin())
            .installPlugin(new StateColumns()),
        applied);
  }
}
