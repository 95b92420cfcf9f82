package dev.lifeboat.app.compliance;

/**
 * @param daysPerRun days checked before the workflow continues as new (keeps its history short)
 */
public record CoverageWatchInput(int daysPerRun) {
  public static final CoverageWatchInput DEFAULT = new CoverageWatchInput(30);

  public CoverageWatchInput {
    if (daysPerRun < 1) {
      throw new IllegalArgumentException("daysPerRun must be at least 1, got " + daysPerRun);
    }
  }
}
