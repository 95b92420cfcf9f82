package dev.lifeboat.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.workflow.RecordEventsRequest;
import dev.lifeboat.workflow.RecordEventsResult;
import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunRecordActivity;
import dev.lifeboat.workflow.RunStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the workflow's transitions to PostgreSQL, so the record and the workflow history agree.
 * Idempotent: events are keyed by (run, seq) and a run's final status is never moved again. A write
 * that fails (the database is away) throws, for the workflow to retry, and is reported to {@link
 * RecordWrites} for the health check.
 */
public final class RunRecordActivityImpl implements RunRecordActivity {
  private final RunStore store;
  private final ObjectMapper json;
  private final RecordWrites writes;

  public RunRecordActivityImpl(RunStore store, ObjectMapper json, RecordWrites writes) {
    this.store = store;
    this.json = json;
    this.writes = writes;
  }

  @Override
  public RecordEventsResult recordEvents(RecordEventsRequest request) {
    try {
      int appended = append(request);
      writes.landed();
      return new RecordEventsResult(appended);
    } catch (RuntimeException e) {
      writes.failed(e);
      throw e;
    }
  }

  private int append(RecordEventsRequest request) {
    List<RunEventRow> rows = new ArrayList<>();
    List<RunStore.StatusMove> moves = new ArrayList<>();
    for (RunEvent event : request.events()) {
      rows.add(toRow(event));
      RunStatus status = event.type().runStatus();
      if (status != null) {
        moves.add(
            new RunStore.StatusMove(
                event.runId(),
                status,
                status == RunStatus.RUNNING ? event.at() : null,
                status.isTerminal() ? event.at() : null));
      }
    }
    return store.append(rows, moves);
  }

  private RunEventRow toRow(RunEvent event) {
    return new RunEventRow(
        event.runId(),
        event.seq(),
        event.type(),
        event.at(),
        event.stage(),
        event.stepId(),
        event.kind(),
        event.attempt(),
        event.message(),
        detailJson(event.detail()));
  }

  private String detailJson(Object detail) {
    if (detail == null) {
      return null;
    }
    try {
      return json.writeValueAsString(detail);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event detail is not JSON-serialisable", e);
    }
  }
}
