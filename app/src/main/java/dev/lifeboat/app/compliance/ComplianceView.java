package dev.lifeboat.app.compliance;

import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.RunbookFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds the compliance view of the plans in the catalog from the record (two set-based queries,
 * {@link ComplianceDao}; runs of plans no longer in the catalog are not shown), the findings and
 * the schedules. The API's formats and the overdue notices all read it, so they never disagree.
 */
public final class ComplianceView {
  /** How many drills per plan the trend shows when not asked, and at most. */
  public static final int DEFAULT_DRILLS = 5;

  public static final int MAX_DRILLS = 50;

  private final PlanCatalog catalog;
  private final ComplianceDao record;
  private final FindingCounts findings;
  private final ScheduledFires schedules;
  private final Clock clock;

  public ComplianceView(
      PlanCatalog catalog,
      ComplianceDao record,
      FindingCounts findings,
      ScheduledFires schedules,
      Clock clock) {
    this.catalog = catalog;
    this.record = record;
    this.findings = findings;
    this.schedules = schedules;
    this.clock = clock;
  }

  /**
   * Every plan, or only {@code plan}, with each plan's newest {@code drills} drills in its trend.
   *
   * @throws Refusal not found when {@code plan} is not in the catalog
   */
  public ComplianceReport report(Optional<String> plan, int drills) {
    return report(plan, drills, clock.instant());
  }

  /** The view as of {@code now} (the overdue notices judge at their workflow's time). */
  public ComplianceReport report(Optional<String> plan, int drills, Instant now) {
    if (drills < 1 || drills > MAX_DRILLS) {
      throw new IllegalArgumentException("drills must be 1 to " + MAX_DRILLS + ", got " + drills);
    }
    List<Runbook> plans =
        plan.map(name -> List.of(known(name))).orElseGet(this::all).stream()
            .sorted(Comparator.comparing(Runbook::name))
            .toList();
    String[] names = plans.stream().map(Runbook::name).toArray(String[]::new);
    Map<String, List<RunMark>> marks =
        record.marks(names).stream().collect(Collectors.groupingBy(RunMark::planName));
    Map<String, List<DrillPoint>> trend =
        record.lastDrills(names, drills).stream()
            .collect(Collectors.groupingBy(DrillPoint::planName));
    Map<String, PlanFindingCount> counts = findings.byPlan();
    PlanReading reading = new PlanReading(schedules, now);
    List<PlanCompliance> rows =
        plans.stream()
            .map(
                runbook ->
                    reading.of(
                        runbook,
                        marks.getOrDefault(runbook.name(), List.of()),
                        trend.getOrDefault(runbook.name(), List.of()),
                        counts.getOrDefault(runbook.name(), PlanFindingCount.NONE)))
            .toList();
    return new ComplianceReport(
        now,
        drills,
        findings.tracked(),
        schedules.tracked(),
        ComplianceReport.Summary.of(rows),
        rows);
  }

  private Runbook known(String name) {
    return catalog
        .find(name)
        .map(RunbookFile::runbook)
        .orElseThrow(
            () ->
                Refusal.notFound(
                    "unknown_plan", "no plan named '" + name + "'; plans: " + catalog.names()));
  }

  private List<Runbook> all() {
    return catalog.all().stream().map(RunbookFile::runbook).toList();
  }

  /** {@code 90d} for whole days, else the runbook's usual spelling. */
  static String spelled(Duration duration) {
    return duration.toSeconds() % 86_400 == 0 && !duration.isZero()
        ? duration.toDays() + "d"
        : Durations.format(duration);
  }

  /** The newest run of each mode, from {@code marks}, by mode. */
  static Map<String, RunMark> byMode(List<RunMark> marks, String kind) {
    return marks.stream()
        .filter(mark -> mark.kind().equals(kind))
        .collect(Collectors.toMap(RunMark::mode, mark -> mark, (a, b) -> a, TreeMap::new));
  }
}
