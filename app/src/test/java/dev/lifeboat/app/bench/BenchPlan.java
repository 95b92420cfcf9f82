package dev.lifeboat.app.bench;

import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The plan and the recorded events of {@link ReportBenchmark}'s drill. */
final class BenchPlan {
  private static final int STEPS_PER_STAGE = 10;

  private BenchPlan() {}

  static String yaml(int steps) {
    StringBuilder yaml =
        new StringBuilder(
            """
            name: bench-report
            title: A thousand steps for the report benchmark
            owner: bench
            objectives: {rto: 1h, rpo: 1h}
            stages:
            """);
    for (int i = 0; i < steps; i++) {
      if (i % STEPS_PER_STAGE == 0) {
        yaml.append("  - name: stage-%d%n    steps:%n".formatted(i / STEPS_PER_STAGE));
      }
      yaml.append(
          "      - {id: step-%d, kind: notify, channel: log, message: \"step %d\"}%n"
              .formatted(i, i));
    }
    return yaml.toString();
  }

  /** Records the run's start, every step's start, attempts and end, and its end (judged). */
  static void events(String runId, Instant created, int steps, RunStore store) {
    List<RunEventRow> events = new ArrayList<>();
    long[] seq = {0};
    Instant at = created.plusMillis(5);
    Instant started = at;
    events.add(
        event(runId, ++seq[0], RunEventType.RUN_STARTED, at, null, null, 0, "run started", null));
    for (int i = 0; i < steps; i++) {
      String stage = "stage-" + i / STEPS_PER_STAGE;
      String id = "step-" + i;
      at = at.plusMillis(3);
      events.add(
          event(runId, ++seq[0], RunEventType.STEP_STARTED, at, stage, id, 1, "started", null));
      int attempt = 1;
      if (i % 10 == 0) {
        at = at.plusMillis(2);
        events.add(
            event(
                runId,
                ++seq[0],
                RunEventType.STEP_ATTEMPT_FAILED,
                at,
                stage,
                id,
                1,
                "connection refused",
                """
                {"stepId":"%s","activityId":"a-%d","activityType":"Notify","attempt":1,\
                "at":"%s","type":"UNAVAILABLE","message":"connection refused"}"""
                    .formatted(id, i, at)));
        attempt = 2;
      }
      at = at.plusMillis(4);
      events.add(
          event(
              runId,
              ++seq[0],
              RunEventType.STEP_SUCCEEDED,
              at,
              stage,
              id,
              attempt,
              "logged: step " + i,
              "{\"channel\":\"log\",\"text\":\"step " + i + " " + "x".repeat(300) + "\"}"));
    }
    at = at.plusMillis(5);
    events.add(event(runId, ++seq[0], RunEventType.RUN_SUCCEEDED, at, null, null, 0, "done", null));
    store.append(
        events,
        List.of(
            new RunStore.StatusMove(runId, RunStatus.RUNNING, started, null),
            new RunStore.StatusMove(runId, RunStatus.SUCCEEDED, started, at)));
  }

  private static RunEventRow event(
      String runId,
      long seq,
      RunEventType type,
      Instant at,
      String stage,
      String stepId,
      int attempt,
      String message,
      String detail) {
    return new RunEventRow(
        runId,
        seq,
        type,
        at,
        stage,
        stepId,
        stepId == null ? null : "notify",
        attempt,
        message,
        detail);
  }
}
