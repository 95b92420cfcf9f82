package dev.lifeboat.app.bench;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.notify.NotifyActivityImpl;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.runs.LaunchRequest;
import dev.lifeboat.app.runs.TemporalRunLauncher;
import dev.lifeboat.app.store.RecordWrites;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunRecordActivityImpl;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.app.worker.WorkerHost;
import dev.lifeboat.runbook.DrillGuard;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.ProductionTargets;
import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunState;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.RunbookWorkflowImpl;
import io.dropwizard.jackson.Jackson;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engine overhead: a runbook of N trivial steps (sequential notify-to-log steps, recorded in
 * PostgreSQL like every run) against a hand-written workflow calling N trivial activities, both on
 * the same embedded Temporal server in the same process. Reports the median of each and their
 * ratio. Run: {@code java -cp app/target/lifeboat.jar:app/target/test-classes
 * dev.lifeboat.app.bench.EngineOverheadBenchmark [steps] [repetitions] [output.md]}. It lives with
 * the tests so that it stays out of the jar that ships.
 */
public final class EngineOverheadBenchmark {
  private static final String QUEUE = "bench";

  /**
   * Rounds run and thrown away first, so both sides are measured with the JIT warm, as in a service
   * that has been up for a while.
   */
  private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warmUp", 10);

  /**
   * Sticky execution as the embedded server runs it (off) unless {@code -Dbench.sticky=true}: off,
   * every workflow task replays the run's history (see {@code temporal.stickyExecution}).
   */
  private static final boolean STICKY = Boolean.getBoolean("bench.sticky");

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path output = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);

    try (BenchRecord record = BenchRecord.start("lifeboat-bench")) {
      Jdbi jdbi = record.jdbi();
      EmbeddedTemporalServer server = EmbeddedTemporalServer.start("127.0.0.1", 0);
      TemporalConnection temporal = TemporalConnection.to(server.target(), "default");
      ObjectMapper json = Jackson.newObjectMapper();
      RunStore store = new RunStore(jdbi);
      WorkerHost worker =
          new WorkerHost(
              temporal,
              List.of(
                  new WorkerHost.Queue(
                      QUEUE,
                      List.of(RunbookWorkflowImpl.class, RawWorkflow.Impl.class),
                      List.of(
                          new NotifyActivityImpl(HttpClient.newHttpClient()),
                          new TrivialActivity.Impl(),
                          new RunRecordActivityImpl(
                              store, json, new RecordWrites(Clock.systemUTC()))))),
              STICKY);
      worker.start();
      try {
        Result result = measure(steps, repetitions, temporal, jdbi, store, json);
        String report = result.markdown(steps, repetitions);
        System.out.println(report);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, report);
      } finally {
        worker.stop();
        temporal.stop();
        server.stop();
      }
    }
  }

  private static Result measure(
      int steps,
      int repetitions,
      TemporalConnection temporal,
      Jdbi jdbi,
      RunStore store,
      ObjectMapper json) {
    RunbookFile plan = trivialPlan(steps);
    TemporalRunLauncher launcher =
        new TemporalRunLauncher(
            new PlanCatalog(List.of(plan), List.of()),
            new RunbookParser(),
            new DrillGuard(ProductionTargets.NONE),
            jdbi.onDemand(RunDao.class),
            jdbi.onDemand(RunActionDao.class),
            store,
            temporal.client(),
            QUEUE,
            json,
            Clock.systemUTC());
    List<Double> lifeboat = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    Sample lastRaw = null;
    Sample lastLifeboat = null;
    for (int i = -WARM_UP_ROUNDS; i < repetitions; i++) {
      lastRaw = timeRaw(temporal, steps);
      lastLifeboat = timeLifeboat(temporal, launcher);
      if (i >= 0) {
        raw.add(lastRaw.millis());
        lifeboat.add(lastLifeboat.millis());
      }
    }
    return new Result(
        lifeboat,
        raw,
        historyShape(temporal, lastLifeboat.workflowId()),
        historyShape(temporal, lastRaw.workflowId()));
  }

  private static Sample timeRaw(TemporalConnection temporal, int steps) {
    long start = System.nanoTime();
    RawWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                RawWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId("raw-" + start)
                    .build());
    workflow.run(steps);
    double millis = (System.nanoTime() - start) / 1e6;
    return new Sample(millis, "raw-" + start);
  }

  /** One timed run and the workflow it was. */
  record Sample(double millis, String workflowId) {}

  /** Event counts by type of one workflow's history, and where its time went. */
  static String historyShape(TemporalConnection temporal, String workflowId) {
    List<HistoryEvent> events = temporal.client().fetchHistory(workflowId).getEvents();
    Map<String, Long> counts =
        events.stream()
            .collect(
                Collectors.groupingBy(
                    event -> event.getEventType().name().replace("EVENT_TYPE_", "").toLowerCase(),
                    TreeMap::new,
                    Collectors.counting()));
    List<Long> scheduled = times(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    List<Long> completed = times(events, EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED);
    long start = millis(events.get(0));
    long end = millis(events.get(events.size() - 1));
    List<Double> completedToNextScheduled = new ArrayList<>();
    for (int i = 0; i + 1 < scheduled.size(); i++) {
      completedToNextScheduled.add((double) (scheduled.get(i + 1) - completed.get(i)));
    }
    List<Double> scheduledToCompleted = new ArrayList<>();
    for (int i = 0; i < scheduled.size(); i++) {
      scheduledToCompleted.add((double) (completed.get(i) - scheduled.get(i)));
    }
    return String.format(
        "%s; start to first activity %d ms; median activity scheduled to completed %.1f ms,"
            + " completed to next scheduled %.1f ms; last activity to close %d ms; total %d ms",
        counts,
        scheduled.get(0) - start,
        Stats.median(scheduledToCompleted),
        Stats.median(completedToNextScheduled),
        end - completed.get(completed.size() - 1),
        end - start);
  }

  private static List<Long> times(List<HistoryEvent> events, EventType type) {
    return events.stream()
        .filter(event -> event.getEventType() == type)
        .map(EngineOverheadBenchmark::millis)
        .toList();
  }

  private static long millis(HistoryEvent event) {
    return event.getEventTime().getSeconds() * 1000 + event.getEventTime().getNanos() / 1_000_000;
  }

  private static Sample timeLifeboat(TemporalConnection temporal, TemporalRunLauncher launcher) {
    long start = System.nanoTime();
    RunRow run =
        launcher.launch(new LaunchRequest("bench-trivial", RunMode.DRILL, Map.of(), "benchmark"));
    RunState state =
        temporal.client().newUntypedWorkflowStub(run.workflowId()).getResult(RunState.class);
    double millis = (System.nanoTime() - start) / 1e6;
    if (state.status() != RunStatus.SUCCEEDED) {
      throw new IllegalStateException("the benchmark run did not succeed: " + state);
    }
    return new Sample(millis, run.workflowId());
  }

  private static RunbookFile trivialPlan(int steps) {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: bench-trivial
            title: Trivial steps for the engine benchmark
            owner: bench
            objectives: {rto: 1h, rpo: 1h}
            stages:
            """);
    for (int i = 0; i < steps; i++) {
      yaml.append(
          """
            - name: stage-%d
              steps:
                - id: step-%d
                  kind: notify
                  channel: log
                  message: "step %d"
          """
              .formatted(i, i, i));
    }
    ParseResult parsed = new RunbookParser().parse("bench-trivial.yml", yaml.toString());
    if (!parsed.ok()) {
      throw new IllegalStateException("benchmark plan is invalid: " + parsed.problems());
    }
    return new RunbookFile(Path.of("bench-trivial.yml"), yaml.toString(), parsed.runbook().get());
  }

  /** Timings in milliseconds. */
  record Result(
      List<Double> lifeboat, List<Double> raw, String lifeboatHistory, String rawHistory) {
    String markdown(int steps, int repetitions) {
      double lifeboatMedian = Stats.median(lifeboat);
      double rawMedian = Stats.median(raw);
      return """
          # Benchmarks

          ## Engine overhead per step

          A runbook of %d trivial steps (one `notify` to the log per stage, stages in sequence, every
          transition recorded in PostgreSQL) against a hand-written Temporal workflow calling %d trivial
          activities in sequence. Same embedded Temporal server (real time), same worker, same process;
          %d measured repetitions after %d warm-up rounds, baseline and Lifeboat alternating.

          Reproduce: `mvn -B -q -DskipTests package && java -cp app/target/lifeboat.jar:app/target/test-classes dev.lifeboat.app.bench.EngineOverheadBenchmark %d %d docs/benchmarks.md`

          | | median wall time | per step | samples (ms) |
          |---|---|---|---|
          | raw Temporal workflow (baseline) | %.0f ms | %.1f ms | %s |
          | Lifeboat runbook | %.0f ms | %.1f ms | %s |

          **Ratio Lifeboat / raw (medians): %.2f** (target ≤ 1.25)

          The last run of each, from its Temporal history:
          - raw: %s
          - Lifeboat: %s

          Machine: %d cores, Java %s.
          """
          .formatted(
              steps,
              steps,
              repetitions,
              WARM_UP_ROUNDS,
              steps,
              repetitions,
              rawMedian,
              rawMedian / steps,
              format(raw),
              lifeboatMedian,
              lifeboatMedian / steps,
              format(lifeboat),
              lifeboatMedian / rawMedian,
              rawHistory,
              lifeboatHistory,
              Runtime.getRuntime().availableProcessors(),
              System.getProperty("java.version"));
    }

    private static String format(List<Double> samples) {
      return String.join(", ", samples.stream().map(s -> String.format("%.0f", s)).toList());
    }
  }
}
