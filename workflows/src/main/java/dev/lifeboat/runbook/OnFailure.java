package dev.lifeboat.runbook;

/** What the run does when a step has failed after all its attempts. */
public enum OnFailure {
  /** Let the stage's other running steps finish, then end the run as failed. */
  ABORT,
  /** Record the failure and go on; the run can still succeed. */
  CONTINUE;

  public String yamlName() {
    return name().toLowerCase();
  }
}
