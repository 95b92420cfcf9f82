package dev.lifeboat.workflow;

import java.util.List;

/** Events to append to one run's record, in order. */
public record RecordEventsRequest(String runId, List<RunEvent> events) {
  public RecordEventsRequest {
    events = List.copyOf(events);
  }
}
