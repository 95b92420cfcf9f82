package dev.lifeboat.app.bench;

import ch.qos.logback.classic.Level;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.RecordIntegrity;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.store.StateColumns;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lifeboat audit verify} over a large record: {@code events} run events (in runs of 1,000,
 * written 250 at a time through {@link RunStore#append}, the chained path every run's record takes,
 * with step-like details) in a fresh database on the test PostgreSQL, then {@link
 * RecordIntegrity#all()}, which is exactly what the command runs, timed {@code repetitions} times.
 * Reports the median in events per second (target ≥ 50,000). Run: {@code java -cp
 * app/target/lifeboat.jar:app/target/test-classes dev.lifeboat.app.bench.AuditVerifyBenchmark
 * [events] [repetitions] [output.md]}.
 */
public final class AuditVerifyBenchmark {
  private static final int EVENTS_PER_RUN = 1_000;
  private static final int EVENTS_PER_WRITE = 250;

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path output = args.length > 2 ? Path.of(args[2]) : null;
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    try (TestPostgres pg = new TestPostgres()) {
      Jdbi jdbi = database(pg);
      long recorded =
          jdbi.withHandle(
              h -> h.createQuery("select count(*) from run_events").mapTo(Long.class).one());
      if (recorded < events) {
        long writeStart = System.nanoTime();
        record(jdbi, events);
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        System.out.printf(
            Locale.ROOT, "recorded %,d events in %.1f s (chained appends)%n", events, writeSeconds);
      }

      RecordIntegrity integrity = new RecordIntegrity(jdbi);
      integrity.all(); // warm-up: JIT and PostgreSQL's cache
      List<Double> seconds = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < repetitions; i++) {
        // Baseline first, then the check, in pairs: both see the same cache and the same load.
        long readStart = System.nanoTime();
        long read = readOnly(jdbi);
        double readTook = (System.nanoTime() - readStart) / 1e9;
        long start = System.nanoTime();
        List<Integrity> chains = integrity.all();
        double took = (System.nanoTime() - start) / 1e9;
        long checked = chains.stream().mapToLong(Integrity::records).sum();
        if (checked < events || read < events || !chains.stream().allMatch(Integrity::intact)) {
          throw new IllegalStateException("the verifier must see every event intact: " + chains);
        }
        seconds.add(took);
        ratios.add(took / readTook);
        System.out.printf(
            Locale.ROOT,
            "pair %d: read %.3f s, verify %.3f s (%,.0f events/s), ratio %.2f%n",
            i + 1,
            readTook,
            took,
            checked / took,
            took / readTook);
      }
      double median = Stats.median(seconds);
      String line =
          String.format(
              Locale.ROOT,
              "- %s: %,d run events in %d runs; verify median %.3f s over %d runs = **%,.0f"
                  + " events/s** (min %.3f s, max %.3f s); target ≥ 50,000 events/s; verify /"
                  + " plain read of the same rows (median of %d interleaved pairs): **%.2f**%n",
              LocalDate.now(ZoneOffset.UTC),
              events,
              events / EVENTS_PER_RUN,
              median,
              repetitions,
              events / median,
              seconds.stream().mapToDouble(Double::doubleValue).min().orElse(0),
              seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0),
              repetitions,
              Stats.median(ratios));
      System.out.print(line);
      if (output != null) {
        Files.writeString(
            output,
            line,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    }
  }

  /**
   * The baseline: the rows the check reads, read the same way (one streamed query in key order,
   * every column fetched as text), with no hashing. The check's cost over it is the hashing.
   */
  private static long readOnly(Jdbi jdbi) {
    return jdbi.inTransaction(
        handle ->
            handle
                .createQuery(
                    """
                    select run_id, seq, type, at, stage, step_id, kind, attempt, message,
                           detail::text as detail, previous_sha256, sha256
                      from run_events order by run_id, seq
                    """)
                .setFetchSize(5_000)
                .map(
                    (rs, ctx) -> {
                      int length = 0;
                      for (int column = 1; column <= 12; column++) {
                        String value = rs.getString(column);
                        length += value == null ? 0 : value.length();
                      }
                      return length;
                    })
                .stream()
                .count());
  }

  /**
   * A fresh record database, dropped at the end; with {@code -Dbench.keep=NAME}, database NAME,
   * kept and reused by the next run (its events are recorded once), for measuring changes to the
   * verifier without waiting for the writes again.
   */
  private static Jdbi database(TestPostgres pg) throws Exception {
    String keep = System.getProperty("bench.keep");
    if (keep == null) {
      return TestRecord.create(pg, "lifeboat_verify_bench").jdbi();
    }
    if (!pg.databaseExists(keep)) {
      pg.execute("postgres", "create database " + keep);
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(pg.url(keep));
    source.setUser(TestPostgres.server().user());
    source.setPassword(TestPostgres.server().password());
    Migrations.migrate(source);
    return Jdbi.create(source)
        .installPlugin(new SqlObjectPlugin())
        .installPlugin(new StateColumns());
  }

  private static void record(Jdbi jdbi, int events) {
    RunStore store = new RunStore(jdbi);
    RunDao runs = jdbi.onDemand(RunDao.class);
    Instant at = Instant.parse("2026-12-02T00:00:00Z");
    for (int run = 0; run < events / EVENTS_PER_RUN; run++) {
      String id = UUID.randomUUID().toString();
      runs.insert(TestRuns.row(id, RunMode.DRILL, RunStatus.RUNNING, "{\"stages\": []}", at));
      for (int from = 1; from <= EVENTS_PER_RUN; from += EVENTS_PER_WRITE) {
        List<RunEventRow> batch = new ArrayList<>();
        for (int seq = from; seq < from + EVENTS_PER_WRITE; seq++) {
          batch.add(
              new RunEventRow(
                  id,
                  seq,
                  seq == 1 ? RunEventType.RUN_STARTED : RunEventType.STEP_SUCCEEDED,
                  at.plusMillis(seq),
                  "stage-" + (seq / 10),
                  "step-" + seq,
                  "restore-data",
                  1,
                  "restored 4,096 rows into drill_" + seq,
                  "{\"rows\": " + seq * 4096 + ", \"seconds\": 1.25, \"target\": \"drill_db\"}"));
        }
        store.append(batch, List.of());
      }
    }
  }
}
