package dev.lifeboat.workflow;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a plan is run: a walk-through, a drill against isolated targets, or the real recovery. */
public enum RunMode {
  TABLETOP,
  DRILL,
  RECOVERY;

  /** The lower-case spelling used in the API and runbooks. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RunMode> fromApiName(String text) {
    return Arrays.stream(values()).filter(mode -> mode.apiName().equals(text)).findFirst();
  }

  public static String apiNames() {
    return Arrays.stream(values()).map(RunMode::apiName).collect(Collectors.joining(", "));
  }
}
