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
 * RecordWrites} for the health check. Once the events are in, plan owners are told of those that
 * warrant a notice ({@link RunNotices}), on retried writes too (a notice is started once per
 * event).
 */
public final class RunRecordActivityImpl implements RunRecordActivity {
  private final RunStore store;
  private final ObjectMapper json;
  private final RecordWrites writes;
  private final RunNotices notices;

  /** A writer that tells nobody of what it writes. */
  public RunRecordActivityImpl(RunStore store, ObjectMapper json, RecordWrites writes) {
    this(store, json, writes, RunNotices.NONE);
  }

  public RunRecordActivityImpl(
      RunStore store, ObjectMapper json, RecordWrites writes, RunNotices notices) {
    this.store = store;
    this.json = json;
    this.writes = writes;
    this.notices = notices;
  }

  @Override
  public RecordEventsResult recordEvents(RecordEventsRequest request) {
    try {
      int appended = append(request);
      writes.landed();
      // After the commit, so a run's end is told with the verdict written with it. Every event of
      // the request, not only the new ones: the write that appended them may have failed after
      // its commit, before its notices were started.
      notices.recorded(request.events());
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
