package dev.lifeboat.app.schedules;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code schedules:} in config.yml. */
public class SchedulesConfig {
  /**
   * A fire missed while Lifeboat was down is launched once at start-up (recorded as late) when it
   * is at most this old; an older one is recorded as skipped.
   */
  @JsonProperty @NotNull private Duration catchUp = Duration.hours(1);

  /** Fires after which a scheduler workflow continues as new, keeping its history short. */
  @JsonProperty
  @Min(1)
  @Max(10_000)
  private int firesPerWorkflow = 100;

  /** How often a queued or cancelling fire asks whether the previous run has ended. */
  @JsonProperty @NotNull private Duration overlapPoll = Duration.seconds(10);

  public java.time.Duration catchUp() {
    return java.time.Duration.ofMillis(catchUp.toMilliseconds());
  }

  public int firesPerWorkflow() {
    return firesPerWorkflow;
  }

  public java.time.Duration overlapPoll() {
    return java.time.Duration.ofMillis(overlapPoll.toMilliseconds());
  }
}
