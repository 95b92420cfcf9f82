package dev.lifeboat.app.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One plan in the compliance view.
 *
 * @param rto the plan's RTO objective, in the runbook's spelling
 * @param lastRuns the newest run of each mode the plan ever ran in, by mode
 * @param lastPassingDrill the newest drill judged pass; null when none was
 * @param neverDrilled no drill of the plan was ever launched
 * @param drillTrend the newest ended drills, newest first, with RTO/RPO against the objectives
 * @param coverage one entry per mode the plan's {@code exercise:} policy owes; empty without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanCompliance(
    String plan,
    String title,
    String owner,
    String rto,
    String rpo,
    Map<String, LastRun> lastRuns,
    LastPass lastPassingDrill,
    boolean neverDrilled,
    List<TrendPoint> drillTrend,
    PlanFindingCount findings,
    List<ModeCoverage> coverage) {

  /** The newest run of a mode: {@code verdict} null for a tabletop or an unjudged run. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LastRun(String run, String status, String verdict, Instant at) {}

  /** The newest passing drill, and its age in whole days. */
  public record LastPass(String run, Instant at, long ageDays) {}

  /**
   * One ended drill: RTO achieved and RPO observed in seconds (null when not measured), and whether
   * each met the plan's objective as it stands now (null when not measured).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TrendPoint(
      String run,
      Instant at,
      String status,
      String verdict,
      Long rtoSeconds,
      Boolean rtoMet,
      Long rpoSeconds,
      Boolean rpoMet) {}

  /** Whether any mode the policy owes is overdue or was never passed. */
  public boolean overdue() {
    return coverage.stream().anyMatch(ModeCoverage::owed);
  }

  /** Whether any mode the policy owes has no schedule that covers it in time. */
  public boolean unscheduled() {
    return coverage.stream().anyMatch(ModeCoverage::unscheduled);
  }
}
