package dev.lifeboat.workflow.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for Lifeboat's record and launcher: remembers each fire, launches runs named {@code
 * run-1}, {@code run-2}, … that stay active until the test ends them (or a cancel does).
 */
final class FakeScheduleActivity implements ScheduleActivity {
  record Fire(Instant at, FireKind kind, String runId) {}

  final List<Fire> fires = new CopyOnWriteArrayList<>();
  final List<Fire> skipped = new CopyOnWriteArrayList<>();
  final List<String> cancelled = new CopyOnWriteArrayList<>();
  final Set<String> ended = ConcurrentHashMap.newKeySet();
  volatile boolean runsEndAtOnce = true;

  @Override
  public FireResult fire(FireRequest request) {
    String runId = "run-" + (fires.size() + 1);
    fires.add(new Fire(Instant.ofEpochMilli(request.fireMillis()), request.kind(), runId));
    if (runsEndAtOnce) {
      ended.add(runId);
    }
    return new FireResult(runId, null);
  }

  @Override
  public RunProgress progress(RunRef run) {
    return new RunProgress(ended.contains(run.runId()));
  }

  @Override
  public RunProgress cancel(RunRef run) {
    cancelled.add(run.runId());
    ended.add(run.runId());
    return new RunProgress(true);
  }

  @Override
  public RunProgress skip(SkipRequest request) {
    skipped.add(new Fire(Instant.ofEpochMilli(request.fireMillis()), request.kind(), null));
    return new RunProgress(true);
  }

  List<Instant> fireTimes() {
    return fires.stream().map(Fire::at).toList();
  }
}
