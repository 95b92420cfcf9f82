package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.util.Objects;

/**
 * {@code wait}: a pause the workflow keeps itself, as a durable timer; no worker is involved, and
 * it survives a restart of the workers (not of the embedded Temporal server, which keeps nothing).
 *
 * @param duration how long to wait
 */
public record WaitStep(String id, StepPolicy policy, Duration duration) implements Step {
  public static final String KIND = "wait";

  public WaitStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(duration, "duration");
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }

  @Override
  public WaitStep withPolicy(StepPolicy policy) {
    return new WaitStep(id, policy, duration);
  }
}
