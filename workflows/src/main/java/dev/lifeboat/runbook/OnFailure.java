package dev.lifeboat.runbook;

/** What the run does when a step has failed after all its attempts. */
public enum OnFailure {
  /** Let the stage's other running steps finish, then end the run as failed. */
  ABORT,
  /** Record the failure and go on; the run can still succeed. */
  CONTINUE,
  /**
   * Wait for a person to decide: retry the step, skip it (with a reason, recorded as a deviation)
   * or abort the run. Not in {@code finally:} stages, which run to the end unattended.
   */
  PAUSE;

  public String yamlName() {
    return name().toLowerCase();
  }
}
