package dev.lifeboat.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The record in memory: every write as it came, and the events appended once by (run, seq). */
final class FakeRunRecordActivity implements RunRecordActivity {
  private final List<RecordEventsRequest> writes = new ArrayList<>();
  private final List<RunEvent> events = new ArrayList<>();
  private final Set<Long> seen = new TreeSet<>();

  @Override
  public synchronized RecordEventsResult recordEvents(RecordEventsRequest request) {
    writes.add(request);
    int appended = 0;
    for (RunEvent event : request.events()) {
      if (seen.add(event.seq())) {
        events.add(event);
        appended++;
      }
    }
    return new RecordEventsResult(appended);
  }

  synchronized List<RecordEventsRequest> writes() {
    return List.copyOf(writes);
  }

  synchronized List<RunEvent> events() {
    return List.copyOf(events);
  }

  synchronized List<String> types() {
    return events.stream().map(event -> event.type().wireName()).toList();
  }
}
