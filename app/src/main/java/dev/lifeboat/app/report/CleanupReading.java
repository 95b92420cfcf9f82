package dev.lifeboat.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.workflow.CleanupState;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.UndoState;
import java.time.Instant;
import java.util.List;

/**
 * The cleanup confirmation from the record: the last {@code run.cleanup} event's state, each undo
 * with the time its {@code undo.succeeded} or {@code undo.failed} event was recorded.
 */
final class CleanupReading {
  private CleanupReading() {}

  /** Null when the run registered no undo; {@code pending} when registered but not yet ended. */
  static RunReport.CleanupReport of(ObjectMapper json, List<RunEventRow> events) {
    CleanupState state = null;
    boolean registered = false;
    for (RunEventRow event : events) {
      if (event.type() == RunEventType.UNDO_REGISTERED) {
        registered = true;
      } else if (event.type() == RunEventType.RUN_CLEANUP && event.detail() != null) {
        state = read(json, event.detail());
      }
    }
    if (state == null) {
      return registered ? new RunReport.CleanupReport("pending", List.of()) : null;
    }
    return new RunReport.CleanupReport(
        state.describe(), state.undos().stream().map(undo -> undo(undo, events)).toList());
  }

  private static RunReport.Undo undo(UndoState undo, List<RunEventRow> events) {
    Instant ended =
        events.stream()
            .filter(
                e ->
                    e.type() == RunEventType.UNDO_SUCCEEDED || e.type() == RunEventType.UNDO_FAILED)
            .filter(e -> undo.undoId().equals(e.stepId()) || undo.stepId().equals(e.stepId()))
            .map(RunEventRow::at)
            .reduce((first, second) -> second)
            .orElse(null);
    return new RunReport.Undo(
        undo.stepId(), undo.undoId(), undo.kind(), undo.status(), undo.summary(), ended);
  }

  private static CleanupState read(ObjectMapper json, String detail) {
    try {
      return json.readValue(detail, CleanupState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a recorded cleanup is not readable", e);
    }
  }
}
