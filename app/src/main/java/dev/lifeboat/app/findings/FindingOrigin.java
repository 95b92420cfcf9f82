package dev.lifeboat.app.findings;

import java.util.Locale;

/** What a finding came from: one of what a run's end shows ({@link RunFindings}), or a person. */
public enum FindingOrigin {
  /** A tabletop step acknowledged with a gap, or never acknowledged. */
  TABLETOP_GAP,
  /** A drill or recovery step that failed. */
  FAILED_STEP,
  /** A drill or recovery step a person decided to skip. */
  SKIPPED_STEP,
  /** The RTO or RPO objective was exceeded, or could not be measured. */
  MISSED_OBJECTIVE,
  /** A drill's undo failed or never ran. */
  INCOMPLETE_CLEANUP,
  /** Made by hand through the API. */
  MANUAL;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static FindingOrigin of(String apiName) {
    return valueOf(apiName.toUpperCase(Locale.ROOT));
  }
}
