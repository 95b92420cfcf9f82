package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a step is in its life; {@link StepStates} is the one place that moves a step from one to
 * the next. Spelled by its {@link #apiName()} in JSON; JSON written before that spelling ({@code
 * "RUNNING"}) still reads.
 */
public enum StepStatus {
  PENDING(false),
  RUNNING(false),
  /** Tabletop: the step is a prompt waiting for a participant to acknowledge it. */
  AWAITING_ACK(false),
  /** An approval step waiting for its approvers. */
  AWAITING_APPROVAL(false),
  /**
   * Failed, and its plan says {@code on_failure: pause}: waiting for a person to retry it, skip it
   * or abort the run.
   */
  AWAITING_DECISION(false),
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

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** For JSON: the API name, or the constant's name as query answers spelled it before. */
  @JsonCreator
  static StepStatus fromJson(String text) {
    return EnumSpelling.read(StepStatus.class, text, StepStatus::apiName);
  }
}
