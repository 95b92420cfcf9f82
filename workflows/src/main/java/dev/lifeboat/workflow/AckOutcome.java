package dev.lifeboat.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a tabletop participant says of a step: it would work ({@code ok}) or it has a gap. */
public enum AckOutcome {
  OK,
  /** Something is missing or wrong; the notes say what, and the run lists it as a finding. */
  GAP;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<AckOutcome> fromApiName(String text) {
    return Arrays.stream(values()).filter(outcome -> outcome.apiName().equals(text)).findFirst();
  }
}
