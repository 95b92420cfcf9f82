package dev.lifeboat.app;

import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A drill of one notify step ({@code say}, stage {@code only}) recorded through the real store: run
 * started at {@link #AT}, the step from +1 s to +3 s with {@code summary}, run succeeded at +4 s;
 * four hash-chained events, no verdict (the store judges nothing here).
 */
public final class TestOneStepRun {
  public static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");

  public static final String PLAN_JSON =
      """
      {"name": "example", "title": "An example", "owner": "tests",
       "stages": [{"name": "only", "steps": [{"id": "say", "kind": "notify"}]}]}""";

  private TestOneStepRun() {}

  public static void record(Jdbi jdbi, String runId, String summary) {
    jdbi.onDemand(RunDao.class).insert(TestRuns.row(runId, RunStatus.RUNNING, PLAN_JSON));
    new RunStore(jdbi)
        .append(
            List.of(
                event(runId, 1, RunEventType.RUN_STARTED, 0, null, "go"),
                event(runId, 2, RunEventType.STEP_STARTED, 1, "say", "started"),
                event(runId, 3, RunEventType.STEP_SUCCEEDED, 3, "say", summary),
                event(runId, 4, RunEventType.RUN_SUCCEEDED, 4, null, "done")),
            List.of(new RunStore.StatusMove(runId, RunStatus.SUCCEEDED, AT, AT.plusSeconds(4))));
  }

  private static RunEventRow event(
      String runId, long seq, RunEventType type, int second, String step, String message) {
    return new RunEventRow(
        runId,
        seq,
        type,
        AT.plusSeconds(second),
        step == null ? null : "only",
        step,
        step == null ? null : "notify",
        step == null ? 0 : 1,
        message,
        null);
  }
}
