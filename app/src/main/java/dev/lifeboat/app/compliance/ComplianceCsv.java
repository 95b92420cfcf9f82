package dev.lifeboat.app.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The compliance view as CSV (RFC 4180), one row per plan. A cell that a spreadsheet would read as
 * a formula ({@code =}, {@code +}, {@code -}, {@code @}) is prefixed with {@code '}: plan titles
 * are runbook text, and an auditor opens this file in a spreadsheet.
 */
public final class ComplianceCsv {
  static final List<String> HEADER =
      List.of(
          "plan",
          "title",
          "owner",
          "rto",
          "rpo",
          "last_tabletop_run",
          "last_tabletop_status",
          "last_tabletop_at",
          "last_drill_run",
          "last_drill_status",
          "last_drill_verdict",
          "last_drill_at",
          "last_recovery_run",
          "last_recovery_status",
          "last_recovery_verdict",
          "last_recovery_at",
          "last_passing_drill_run",
          "last_passing_drill_at",
          "last_passing_drill_age_days",
          "never_drilled",
          "trend_drills",
          "trend_passed",
          "trend_rto_met",
          "trend_rpo_met",
          "open_findings",
          "overdue_findings",
          "tabletop_every",
          "tabletop_due_at",
          "tabletop_status",
          "tabletop_overdue_days",
          "tabletop_next_scheduled",
          "tabletop_unscheduled",
          "drill_every",
          "drill_due_at",
          "drill_status",
          "drill_overdue_days",
          "drill_next_scheduled",
          "drill_unscheduled");

  private ComplianceCsv() {}

  public static String of(ComplianceReport report) {
    StringBuilder csv = new StringBuilder(line(HEADER));
    report.plans().forEach(plan -> csv.append(line(row(plan))));
    return csv.toString();
  }

  private static List<String> row(PlanCompliance plan) {
    List<Object> cells = new ArrayList<>();
    cells.addAll(List.of(plan.plan(), plan.title(), plan.owner(), plan.rto(), plan.rpo()));
    PlanCompliance.LastRun tabletop = plan.lastRuns().get("tabletop");
    cells.addAll(
        tabletop == null ? blanks(3) : List.of(tabletop.run(), tabletop.status(), tabletop.at()));
    for (String mode : List.of("drill", "recovery")) {
      PlanCompliance.LastRun run = plan.lastRuns().get(mode);
      cells.addAll(
          run == null
              ? blanks(4)
              : List.of(run.run(), run.status(), nullable(run.verdict()), run.at()));
    }
    PlanCompliance.LastPass pass = plan.lastPassingDrill();
    cells.addAll(pass == null ? blanks(3) : List.of(pass.run(), pass.at(), pass.ageDays()));
    List<PlanCompliance.TrendPoint> trend = plan.drillTrend();
    cells.add(plan.neverDrilled());
    cells.add(trend.size());
    cells.add(trend.stream().filter(point -> "pass".equals(point.verdict())).count());
    cells.add(trend.stream().filter(point -> Boolean.TRUE.equals(point.rtoMet())).count());
    cells.add(trend.stream().filter(point -> Boolean.TRUE.equals(point.rpoMet())).count());
    cells.add(plan.findings().open());
    cells.add(plan.findings().overdue());
    for (String mode : List.of("tabletop", "drill")) {
      cells.addAll(
          plan.coverage().stream()
              .filter(coverage -> coverage.mode().equals(mode))
              .findFirst()
              .map(ComplianceCsv::coverage)
              .orElse(blanks(6)));
    }
    return cells.stream().map(ComplianceCsv::text).toList();
  }

  private static List<Object> coverage(ModeCoverage coverage) {
    return List.of(
        coverage.every(),
        nullable(coverage.dueAt()),
        coverage.status(),
        nullable(coverage.overdueDays()),
        nullable(coverage.nextScheduled()),
        coverage.unscheduled());
  }

  private static Object nullable(Object value) {
    return value == null ? "" : value;
  }

  private static List<Object> blanks(int count) {
    return new ArrayList<>(java.util.Collections.nCopies(count, ""));
  }

  private static String text(Object value) {
    return value instanceof Instant instant ? instant.toString() : Objects.toString(value, "");
  }

  private static String line(List<String> cells) {
    return cells.stream().map(ComplianceCsv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  static String cell(String value) {
    String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
        ? "\"" + safe.replace("\"", "\"\"") + "\""
        : safe;
  }
}
