package dev.lifeboat.app.compliance;

/**
 * A plan's findings as the compliance view counts them.
 *
 * @param open findings not yet closed or accepted
 * @param overdue those of {@code open} past their due date
 */
public record PlanFindingCount(int open, int overdue) {
  public static final PlanFindingCount NONE = new PlanFindingCount(0, 0);

  public PlanFindingCount {
    if (open < 0 || overdue < 0 || overdue > open) {
      throw new IllegalArgumentException(
          "finding counts must be 0 <= overdue <= open, got " + overdue + " of " + open);
    }
  }
}
