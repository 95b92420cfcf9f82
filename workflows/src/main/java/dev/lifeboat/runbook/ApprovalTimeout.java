package dev.lifeboat.runbook;

/** What an approval step does once its timeout has passed (after its escalation is sent). */
public enum ApprovalTimeout {
  /** The step fails; the step's {@code on_failure} says what the run does next. */
  FAIL,
  /** The step keeps waiting for its approvers. */
  WAIT;

  public String yamlName() {
    return name().toLowerCase();
  }
}
