package dev.lifeboat.app.bench;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.app.api.ApiSetup;
import dev.lifeboat.app.findings.FindingStore;
import dev.lifeboat.app.report.RecordedRunFindings;
import dev.lifeboat.app.report.ReportFormat;
import dev.lifeboat.app.report.ReportRenderer;
import dev.lifeboat.app.report.RunReport;
import dev.lifeboat.app.report.RunReports;
import dev.lifeboat.app.runs.RecordedVerdicts;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import io.dropwizard.jackson.Jackson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run reports of a 1,000-step drill in every format, each timed as a request pays it: the report
 * assembled from the record database (run, events, verdict, actions, the hash chain recomputed) and
 * rendered. The run is recorded through {@link RunStore}, the store the service writes with (hash
 * chain, verdict judged at its end), into an embedded PostgreSQL. Formats are interleaved round by
 * round, so a slow moment of the machine falls on all of them. Run: {@code java -cp
 * app/target/lifeboat.jar:app/target/test-classes dev.lifeboat.app.bench.ReportBenchmark [steps]
 * [rounds] [output.md]}; the figures replace the section "Run reports" of {@code output.md}, or are
 * appended as it.
 */
public final class ReportBenchmark {
  static final String SECTION = "## Run reports";
  private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUp", 5);

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path output = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
    ObjectMapper json = ApiSetup.strictJson(Jackson.newObjectMapper());
    try (BenchRecord record = BenchRecord.start("lifeboat-report-bench")) {
      Jdbi jdbi = record.jdbi();
      String runId = record(jdbi, json, steps);
      RunReports reports =
          new RunReports(
              jdbi,
              new RecordedRunFindings(new FindingStore(jdbi, json, Clock.systemUTC())),
              json,
              Clock.systemUTC());
      ReportRenderer renderer = new ReportRenderer(json);
      Map<ReportFormat, List<Double>> millis = new EnumMap<>(ReportFormat.class);
      Map<ReportFormat, Integer> sizes = new EnumMap<>(ReportFormat.class);
      List<Double> assembly = new ArrayList<>();
      for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
        long assembleStart = System.nanoTime();
        RunReport assembled = reports.of(runId, "http://127.0.0.1:8080").orElseThrow();
        if (assembled.steps().size() != steps) {
          throw new IllegalStateException("the report lost steps: " + assembled.steps().size());
        }
        if (round >= 0) {
          assembly.add((System.nanoTime() - assembleStart) / 1e6);
        }
        for (ReportFormat format : ReportFormat.values()) {
          long start = System.nanoTime();
          RunReport report = reports.of(runId, "http://127.0.0.1:8080").orElseThrow();
          byte[] rendered = renderer.render(report, format);
          double took = (System.nanoTime() - start) / 1e6;
          if (round >= 0) {
            millis.computeIfAbsent(format, f -> new ArrayList<>()).add(took);
            sizes.put(format, rendered.length);
          }
        }
      }
      String section = markdown(steps, rounds, millis, sizes, assembly);
      System.out.println(section);
      write(output, section);
    }
  }

  /** Records a drill of {@code steps} steps (ten a stage), one in ten failing once first. */
  private static String record(Jdbi jdbi, ObjectMapper json, int steps) throws Exception {
    String yaml = BenchPlan.yaml(steps);
    ParseResult parsed = new RunbookParser().parse("bench-report.yml", yaml);
    if (!parsed.ok()) {
      throw new IllegalStateException("benchmark plan is invalid: " + parsed.problems());
    }
    String runId = UUID.randomUUID().toString();
    Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    jdbi.onDemand(RunDao.class)
        .insert(
            new RunRow(
                runId,
                "bench-report",
                yaml,
                Sha256.hex(yaml),
                json.writeValueAsString(parsed.runbook().get()),
                RunMode.DRILL,
                "{}",
                "bench",
                RunStatus.PENDING,
                "lifeboat-run-" + runId,
                created,
                null,
                null));
    RunStore store = new RunStore(jdbi, new RecordedVerdicts(json), json);
    BenchPlan.events(runId, created, steps, store);
    return runId;
  }

  private static String markdown(
      int steps,
      int rounds,
      Map<ReportFormat, List<Double>> millis,
      Map<ReportFormat, Integer> sizes,
      List<Double> assembly) {
    StringBuilder table = new StringBuilder();
    for (ReportFormat format : ReportFormat.values()) {
      List<Double> samples = millis.get(format);
      String target =
          switch (format) {
            case HTML -> "≤ 300 ms";
            case PDF -> "≤ 2000 ms";
            default -> "";
          };
      table.append(
          "| %s | %.0f ms | %s | %d KiB | %s |%n"
              .formatted(
                  format.apiName(),
                  Stats.median(samples),
                  target,
                  sizes.get(format) / 1024,
                  samples.stream()
                      .map(s -> "%.0f".formatted(s))
                      .toList()
                      .toString()
                      .replaceAll("[\\[\\]]", "")));
    }
    return """
        %s

        The report of one recorded drill of %d steps (ten parallel steps a stage, one step in ten
        with a failed attempt first, every event hash-chained) in each format, timed as a request
        pays it: `RunReports.of` reads the run, its events, verdict and actions from PostgreSQL
        (embedded, local) and recomputes the run's hash chain, then the format is rendered. Formats
        interleaved round by round; %d measured rounds after %d warm-up rounds; median.

        Reproduce: `mvn -B -q -DskipTests package && java -cp app/target/lifeboat.jar:app/target/test-classes dev.lifeboat.app.bench.ReportBenchmark %d %d docs/benchmarks.md`

        | format | median | target | size | samples (ms) |
        |---|---|---|---|---|
        %s

        Of which reading the record and checking the chain alone (`RunReports.of`, no rendering):
        median %.0f ms.

        Machine: %d cores, Java %s; load average %.1f when it ended.
        """
        .formatted(
            SECTION,
            steps,
            rounds,
            WARM_UP_ROUNDS,
            steps,
            rounds,
            table.toString().strip(),
            Stats.median(assembly),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
  }

  /** Replaces this benchmark's section of {@code output}, or appends it. */
  private static void write(Path output, String section) throws Exception {
    String existing = Files.exists(output) ? Files.readString(output) : "";
    int at = existing.indexOf(SECTION + "\n");
    String kept = at < 0 ? existing : existing.substring(0, at);
    int next = at < 0 ? -1 : existing.indexOf("\n## ", at + SECTION.length());
    String after = next < 0 ? "" : existing.substring(next + 1);
    String before = kept.isEmpty() || kept.endsWith("\n\n") ? kept : kept.stripTrailing() + "\n\n";
    Files.writeString(output, before + section + (after.isEmpty() ? "" : "\n" + after));
  }
}
