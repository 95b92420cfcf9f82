package dev.lifeboat.app.runs;

import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunRow;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RunLauncher} that starts no workflow: it records each launch as a pending run in the
 * real record (so the API can show it) and remembers what it was asked, for resource tests.
 */
public final class FakeRunLauncher implements RunLauncher {
  /** A cancel as the resource asked for it. */
  public record Cancel(String runId, String requestedBy) {}

  private final RunDao runs;
  private final List<LaunchRequest> launches = new CopyOnWriteArrayList<>();
  private final List<Cancel> cancels = new CopyOnWriteArrayList<>();

  public FakeRunLauncher(RunDao runs) {
    this.runs = runs;
  }

  @Override
  public RunRow launch(LaunchRequest request) {
    launches.add(request);
    RunRow run =
        TestRuns.launched(
            request.runId() != null ? request.runId() : UUID.randomUUID().toString(), request);
    runs.insert(run);
    return run;
  }

  @Override
  public void cancel(String runId, String requestedBy) {
    cancels.add(new Cancel(runId, requestedBy));
  }

  public List<LaunchRequest> launches() {
    return List.copyOf(launches);
  }

  public List<Cancel> cancels() {
    return List.copyOf(cancels);
  }
}
