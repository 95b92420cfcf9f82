package dev.lifeboat.workflow.schedule;

/** The run a fire launched ({@code runId}), or null and why not ({@code refusal}). */
public record FireResult(String runId, String refusal) {
  public boolean launched() {
    return runId != null;
  }
}
