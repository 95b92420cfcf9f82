package dev.lifeboat.workflow;

import java.util.Locale;

/** Where a run is in its life. */
public enum RunStatus {
  PENDING(false),
  RUNNING(false),
  SUCCEEDED(true),
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
