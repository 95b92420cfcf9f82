package dev.lifeboat.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.runs.LaunchRequest;
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
    return row(id, RunMode.DRILL, status, planJson, Instant.now().truncatedTo(ChronoUnit.MILLIS));
  }

  /** A run of {@code mode} recorded at {@code createdAt}. */
  public static RunRow row(
      String id, RunMode mode, RunStatus status, String planJson, Instant createdAt) {
    return new RunRow(
        id,
        "example",
        "name: example",
        "0".repeat(64),
        planJson,
        mode,
        "{}",
        "tester",
        status,
        "lifeboat-run-" + id,
        createdAt,
        null,
        null);
  }

  /** The row a launcher records for {@code request} before its workflow starts: pending. */
  public static RunRow launched(String id, LaunchRequest request) {
    return new RunRow(
        id,
        request.planName(),
        "name: " + request.planName(),
        "0".repeat(64),
        "{\"stages\": []}",
        request.mode(),
        json(request.params()),
        request.launcher(),
        RunStatus.PENDING,
        "lifeboat-run-" + id,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        null,
        null);
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
