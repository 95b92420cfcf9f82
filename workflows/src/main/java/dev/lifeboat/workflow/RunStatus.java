package dev.lifeboat.workflow;

import java.util.Locale;

/** Where a run is in its life. */
public enum RunStatus {
  PENDING(false),
  RUNNING(false),
  SUCCEEDED(true),
  /**
   * Ran to the end, but a step whose plan says {@code on_failure: continue} failed: never shown as
   * plain {@link #SUCCEEDED}, so a failure the plan went past is not taken for a clean run.
   */
  SUCCEEDED_WITH_FAILURES(true),
  /** Tabletop: walked to the end, and participants found gaps (the run's findings). */
  SUCCEEDED_WITH_FINDINGS(true),
  FAILED(true),
  CANCELLED(true),
  /** The run's workflow vanished (e.g. the embedded Temporal server restarted). */
  INTERRUPTED(true);

  private final boolean terminal;

  RunStatus(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
