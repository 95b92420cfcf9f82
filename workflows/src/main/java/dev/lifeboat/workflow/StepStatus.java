package dev.lifeboat.workflow;

import java.util.Locale;

/** Where a step is in its life. */
public enum StepStatus {
  PENDING(false),
  RUNNING(false),
  /** Tabletop: the step is a prompt waiting for a participant to acknowledge it. */
  AWAITING_ACK(false),
  SUCCEEDED(true),
  FAILED(true),
  /** Never ran: an earlier stage aborted the run, or the run was cancelled first. */
  SKIPPED(true),
  /** Tabletop: a participant acknowledged the prompt (its outcome says ok or gap). */
  ACKNOWLEDGED(true),
  /**
   * Was running (or awaiting acknowledgement) when its run was interrupted: the workflow was lost
   * (the embedded Temporal server restarted), so how the step ended is unknown.
   */
  INTERRUPTED(true);

  private final boolean terminal;

  StepStatus(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
