package dev.lifeboat.app.runs;

import dev.lifeboat.app.store.RunRow;

/** Starts a run resuming another, as {@link RunResumer} prepared it. */
public interface ResumeLauncher {
  /**
   * Records the new run with its link to the run it resumes and starts its workflow; returns the
   * recorded run. Refusals are {@link dev.lifeboat.app.refusal.Refusal}s.
   */
  RunRow launch(ResumeLaunch launch);
}
