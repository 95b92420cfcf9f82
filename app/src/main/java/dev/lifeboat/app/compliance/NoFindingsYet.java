package dev.lifeboat.app.compliance;

import java.util.Map;

/**
 * What {@link FindingCounts} answers while Lifeboat keeps no findings table: none for every plan.
 * Replaced by the findings store when it lands; the view says {@code findingsTracked: false} so
 * nobody reads the zeros as "no findings".
 */
public final class NoFindingsYet implements FindingCounts {
  @Override
  public Map<String, PlanFindingCount> byPlan() {
    return Map.of();
  }

  @Override
  public boolean tracked() {
    return false;
  }
}
