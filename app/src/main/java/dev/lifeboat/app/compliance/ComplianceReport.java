package dev.lifeboat.app.compliance;

import java.time.Instant;
import java.util.List;

/**
 * The compliance view: every plan (or the one asked for), and what an auditor reads first.
 *
 * @param drills how many of each plan's newest drills {@code drillTrend} holds at most
 * @param findingsTracked whether findings are kept; false means the finding counts are unknown
 * @param schedulesTracked whether schedules are kept; false means every owed mode is unscheduled
 */
public record ComplianceReport(
    Instant generatedAt,
    int drills,
    boolean findingsTracked,
    boolean schedulesTracked,
    Summary summary,
    List<PlanCompliance> plans) {

  /**
   * @param neverDrilled the plans no drill was ever launched of
   * @param overdue the plans owing an exercise (overdue or never passed)
   * @param unscheduled the plans owing a mode no schedule covers in time
   */
  public record Summary(
      int plans,
      List<String> neverDrilled,
      List<String> overdue,
      List<String> unscheduled,
      int openFindings,
      int overdueFindings) {
    static Summary of(List<PlanCompliance> plans) {
      return new Summary(
          plans.size(),
          plans.stream().filter(PlanCompliance::neverDrilled).map(PlanCompliance::plan).toList(),
          plans.stream().filter(PlanCompliance::overdue).map(PlanCompliance::plan).toList(),
          plans.stream().filter(PlanCompliance::unscheduled).map(PlanCompliance::plan).toList(),
          plans.stream().mapToInt(plan -> plan.findings().open()).sum(),
          plans.stream().mapToInt(plan -> plan.findings().overdue()).sum());
    }
  }
}
