package dev.lifeboat.app.compliance;

import java.util.Map;

/**
 * Port: the open and overdue findings of every plan that has any (issue 12.3 keeps findings). Read
 * once per compliance view; a plan missing from the map has none.
 */
public interface FindingCounts {
  Map<String, PlanFindingCount> byPlan();

  /** Whether findings are kept at all: without them the zeros mean "not known", not "none". */
  default boolean tracked() {
    return true;
  }
}
