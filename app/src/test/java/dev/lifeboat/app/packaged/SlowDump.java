package dev.lifeboat.app.packaged;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.SampleDump;
import java.nio.file.Path;

/**
 * A small custom-format dump whose restore takes about {@code rows × 50ms}: its one table has a
 * CHECK constraint calling a function that sleeps, so pg_restore stays inside one quiet COPY long
 * enough for a test to kill Lifeboat mid-restore.
 */
final class SlowDump {
  private SlowDump() {}

  static Path create(TestPostgres pg, Path folder, int rows) throws Exception {
    String database = pg.createDatabase("slow_dump");
    // Fast while the rows go in; the slow body is what the dump carries.
    pg.execute(
        database,
        """
        create function slow_ok(n int) returns boolean language sql as 'select true';
        create table slow_rows (n int check (slow_ok(n)));
        insert into slow_rows select generate_series(1, %d);
        create or replace function slow_ok(n int) returns boolean language sql
          as 'select pg_sleep(0.05) is not null';
        """
            .formatted(rows));
    return SampleDump.pgDump(
        TestPostgres.server().host(),
        TestPostgres.server().port(),
        database,
        folder.resolve("slow.dump"));
  }
}
