package dev.lifeboat.app;

import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Run rows for store tests: a minimal recorded run with the given id and status. */
public final class TestRuns {
  private TestRuns() {}

  public static RunRow row(String id, RunStatus status) {
    return row(id, status, "{\"stages\": []}");
  }

  /** The same, with the resolved plan (JSON) the run received. */
  public static RunRow row(String id, RunStatus status, String planJson) {
    return new RunRow(
        id,
        "example",
        "name: example",
        "0".repeat(64),
        planJson,
        RunMode.DRILL,
        "{}",
        "tester",
        status,
        "lifeboat-run-" + id,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        null,
        null);
  }
}
