package dev.lifeboat.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lifeboat.app.compliance.ComplianceCsv;
import dev.lifeboat.app.compliance.ComplianceDao;
import dev.lifeboat.app.compliance.ComplianceHtml;
import dev.lifeboat.app.compliance.ComplianceReport;
import dev.lifeboat.app.compliance.ComplianceView;
import dev.lifeboat.app.compliance.NoFindingsYet;
import dev.lifeboat.app.compliance.NoSchedulesYet;
import dev.lifeboat.app.compliance.PastRuns;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.runbook.RunbookFile;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The compliance view over a record of {@code runs} runs (20 plans; tabletops, drills and the odd
 * recovery over two years; verdicts, RTO/RPO, and 12 chained events per run), in a fresh database
 * on a real PostgreSQL, through the code the API runs: {@link ComplianceView} then the JSON, CSV or
 * HTML rendering. The three formats are measured interleaved; medians are reported. Run: {@code
 * java -cp app/target/lifeboat.jar:app/target/test-classes
 * dev.lifeboat.app.bench.ComplianceBenchmark [runs] [repetitions] [jdbc-server-url] [append-to.md]}
 * (server URL default {@code jdbc:postgresql://127.0.0.1:5432/}, user {@code postgres}).
 */
public final class ComplianceBenchmark {
  private static final int PLANS = 20;
  private static final String DATABASE = "lifeboat_compliance_bench";

  private ComplianceBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    String server = args.length > 2 ? args[2] : "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
        Statement sql = admin.createStatement()) {
      sql.execute("drop database if exists " + DATABASE);
      sql.execute("create database " + DATABASE);
    }
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(server + DATABASE);
    source.setUser("postgres");
    Migrations.migrate(source);
    Jdbi jdbi = Jdbi.create(source).installPlugin(new SqlObjectPlugin());
    Instant now = Instant.now();
    fill(jdbi, runs, now);
    jdbi.useHandle(handle -> handle.execute("vacuum analyze"));

    List<RunbookFile> files = new ArrayList<>();
    for (int plan = 0; plan < PLANS; plan++) {
      files.add(
          PastRuns.plan(
              "plan-" + plan,
              "Plan " + plan,
              "exercise: {tabletop_every: 180d, drill_every: 90d}"));
    }
    ComplianceView view =
        new ComplianceView(
            new PlanCatalog(files, List.of()),
            // One open connection, as the app's pool hands out: a fresh PostgreSQL connection per
            // request would be measured instead of the view.
            jdbi.open().attach(ComplianceDao.class),
            new NoFindingsYet(),
            new NoSchedulesYet(),
            Clock.systemUTC());
    ObjectMapper json =
        Jackson.newObjectMapper().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    ComplianceHtml html = new ComplianceHtml(json);
    Map<String, Function<ComplianceReport, String>> formats =
        Map.of(
            "json", report -> write(json, report),
            "csv", ComplianceCsv::of,
            "html", html::of);
    List<String> order = List.of("json", "csv", "html");
    Map<String, List<Double>> samples =
        Map.of("json", new ArrayList<>(), "csv", new ArrayList<>(), "html", new ArrayList<>());
    long warmed = 0;
    for (int warm = 0; warm < 5; warm++) {
      for (String format : order) {
        warmed += formats.get(format).apply(view.report(Optional.empty(), 5)).length();
      }
    }
    System.out.println("warmed up on " + warmed + " characters of output");
    for (int rep = 0; rep < repetitions; rep++) {
      for (int i = 0; i < order.size(); i++) {
        String format = order.get((rep + i) % order.size());
        long start = System.nanoTime();
        String body = formats.get(format).apply(view.report(Optional.empty(), 5));
        samples.get(format).add((System.nanoTime() - start) / 1e6);
        if (body.isEmpty()) throw new IllegalStateException("empty " + format);
      }
    }
    long events =
        jdbi.withHandle(h -> h.select("select count(*) from run_events").mapTo(Long.class).one());
    StringBuilder report =
        new StringBuilder(
            """

            ## Compliance view over %,d runs

            %d plans, %,d runs (tabletop/drill/recovery mixed over two years, verdicts, RTO/RPO),
            %,d run events; a fresh database on the local PostgreSQL; `ComplianceView` (two
            set-based queries) then the rendering, as `GET /api/compliance?format=…` runs them.
            %d interleaved repetitions per format after 5 warm-ups. Target ≤ 500 ms.

            | format | median | min | max |
            | --- | --- | --- | --- |
            """
                .formatted(runs, PLANS, runs, events, repetitions));
    for (String format : order) {
      List<Double> s = samples.get(format);
      report.append(
          "| %s | %.1f ms | %.1f ms | %.1f ms |%n"
              .formatted(
                  format,
                  Stats.median(s),
                  s.stream().mapToDouble(d -> d).min().orElse(0),
                  s.stream().mapToDouble(d -> d).max().orElse(0)));
    }
    System.out.print(report);
    if (args.length > 3) {
      Files.writeString(
          Path.of(args[3]), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  private static String write(ObjectMapper json, ComplianceReport report) {
    try {
      return json.writeValueAsString(report);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code runs} runs spread over the last two years, then 12 events for each. */
  private static void fill(Jdbi jdbi, int runs, Instant now) {
    Random random = new Random(42);
    PastRuns past = new PastRuns(jdbi);
    IntStream.range(0, runs)
        .forEach(
            i -> {
              String plan = "plan-" + random.nextInt(PLANS);
              double pick = random.nextDouble();
              String mode = pick < 0.35 ? "tabletop" : pick < 0.97 ? "drill" : "recovery";
              boolean pass = random.nextDouble() < 0.8;
              Instant at = now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
              String status =
                  mode.equals("tabletop")
                      ? (pass ? "succeeded" : "succeeded_with_findings")
                      : pass ? "succeeded" : "failed";
              past.add(
                  new PastRuns.PastRun(
                      plan,
                      mode,
                      status,
                      mode.equals("tabletop") ? null : pass ? "pass" : "fail",
                      at.plusMillis(i % 1000),
                      Duration.ofMinutes(5 + random.nextInt(60)),
                      mode.equals("tabletop") ? null : Duration.ofMinutes(1 + random.nextInt(30)),
                      mode.equals("tabletop") ? null : Duration.ofMinutes(random.nextInt(120))));
            });
    past.write();
    jdbi.useHandle(
        handle ->
            handle.execute(
                """
                insert into run_events (run_id, seq, type, at, stage, step_id, kind, message,
                                        detail, previous_sha256, sha256)
                select r.id, s, case when s = 1 then 'run.started' else 'step.succeeded' end,
                       r.created_at + s * interval '1 second', 'stage', 'step-' || s, 'notify',
                       'step ' || s || ' done', '{"attempt": 1}'::jsonb,
                       repeat('0', 64), repeat('1', 64)
                  from runs r, generate_series(1, 12) s
                """));
  }
}
