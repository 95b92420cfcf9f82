package dev.lifeboat.app.runs;

import dev.lifeboat.app.store.RunRow;

/** Starts and cancels runs. Refusals are {@link dev.lifeboat.app.refusal.Refusal}s. */
public interface RunLauncher {
  /** Records the run and starts its workflow; returns the recorded run. */
  RunRow launch(LaunchRequest request);

  /**
   * Asks a running run to stop: records who asked, then cancels its workflow, which records the
   * cancellation.
   */
  void cancel(String runId, String requestedBy);
}
