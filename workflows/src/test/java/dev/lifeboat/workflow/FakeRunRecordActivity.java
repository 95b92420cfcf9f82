package dev.lifeboat.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The record in memory: every write as it came, and the events appended once by (run, seq). It can
 * be made unreachable for a number of writes, as a record database that is restarting is, or hang
 * in one write that then never lands, as when the worker dies in the middle of it.
 */
final class FakeRunRecordActivity implements RunRecordActivity {
  private final List<RecordEventsRequest> writes = new ArrayList<>();
  private final List<RunEvent> events = new ArrayList<>();
  private final Set<Long> seen = new TreeSet<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final CountDownLatch dying = new CountDownLatch(1);
  private volatile int dieAtWrite;
  private int unreachableFor;
  private int refused;

  @Override
  public RecordEventsResult recordEvents(RecordEventsRequest request) {
    if (calls.incrementAndGet() == dieAtWrite) {
      dying.countDown();
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("the worker died in the middle of this write");
    }
    return append(request);
  }

  /**
   * The {@code write}-th write hangs and never lands; the latch opens when it has begun, for the
   * test to stop the worker then.
   */
  CountDownLatch dieAtWrite(int write) {
    dieAtWrite = write;
    return dying;
  }

  private synchronized RecordEventsResult append(RecordEventsRequest request) {
    writes.add(request);
    if (unreachableFor > 0) {
      unreachableFor--;
      refused++;
      // What JDBI throws when the pool cannot reach PostgreSQL.
      throw new IllegalStateException("Connection to 127.0.0.1:5432 refused");
    }
    int appended = 0;
    for (RunEvent event : request.events()) {
      if (seen.add(event.seq())) {
        events.add(event);
        appended++;
      }
    }
    return new RecordEventsResult(appended);
  }

  /** The next {@code count} writes fail as if the database were down. */
  synchronized void unreachableFor(int count) {
    unreachableFor = count;
  }

  synchronized int refused() {
    return refused;
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
