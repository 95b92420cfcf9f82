package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person decides for a step paused after its failure ({@code on_failure: pause}). */
public enum StepDecision {
  /** Run the step again, with its timeout and retry policy. */
  RETRY,
  /** Go on without it; needs a reason, recorded as a deviation. The run is not a plain success. */
  SKIP,
  /** End the run as failed, as a failed step with {@code on_failure: abort} would. */
  ABORT;

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StepDecision> fromApiName(String text) {
    return Arrays.stream(values()).filter(d -> d.apiName().equals(text)).findFirst();
  }

  @JsonCreator
  static StepDecision fromJson(String text) {
    return EnumSpelling.read(StepDecision.class, text, StepDecision::apiName);
  }
}
