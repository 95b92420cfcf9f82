package dev.lifeboat.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.compliance.PastRuns.PastRun;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.workflow.RunMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The compliance view over runs in a real record database, findings and schedules from fakes, at a
 * fixed "now": what each plan's line says, and the coverage each {@code exercise:} policy owes.
 */
class ComplianceViewTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");

  final Jdbi record = TestRecord.create(pg, "lifeboat_compliance").jdbi();
  final Map<String, Instant> fires = new HashMap<>();

  final PlanCatalog catalog =
      new PlanCatalog(
          List.of(
              PastRuns.plan(
                  "billing", "Billing", "exercise: {tabletop_every: 180d, drill_every: 90d}"),
              PastRuns.plan("shop", "Shop", "exercise: {drill_every: 30d}"),
              PastRuns.plan("wiki", "Wiki", "")),
          List.of());

  final ComplianceView view =
      new ComplianceView(
          catalog,
          record.onDemand(ComplianceDao.class),
          () -> Map.of("billing", new PlanFindingCount(3, 1)),
          (plan, mode) -> Optional.ofNullable(fires.get(plan + "/" + mode.apiName())),
          Clock.fixed(NOW, ZoneOffset.UTC));

  static Instant daysAgo(long days) {
    return NOW.minus(Duration.ofDays(days));
  }

  static PastRun drill(String plan, String verdict, long daysAgo, long rtoMinutes) {
    return new PastRun(
        plan,
        "drill",
        verdict.equals("pass") ? "succeeded" : "failed",
        verdict,
        daysAgo(daysAgo),
        Duration.ofMinutes(20),
        Duration.ofMinutes(rtoMinutes),
        Duration.ofMinutes(30));
  }

  PlanCompliance line(ComplianceReport report, String plan) {
    return report.plans().stream().filter(p -> p.plan().equals(plan)).findFirst().orElseThrow();
  }

  @Test
  void showsTheNewestRunOfEachModeAndTheNewestPassingDrillWithItsAge() {
    PastRuns runs = new PastRuns(record);
    runs.add(drill("billing", "pass", 40, 10))
        .add(drill("billing", "fail", 10, 25))
        .add("billing", "tabletop", "succeeded_with_findings", null, daysAgo(100))
        .add("billing", "recovery", "running", null, daysAgo(0));
    List<String> ids = runs.write();

    PlanCompliance billing = line(view.report(Optional.empty(), 5), "billing");

    assertThat(billing.lastRuns()).containsOnlyKeys("drill", "tabletop", "recovery");
    assertThat(billing.lastRuns().get("drill").run()).isEqualTo(ids.get(1));
    assertThat(billing.lastRuns().get("drill").verdict()).isEqualTo("fail");
    assertThat(billing.lastRuns().get("recovery").status()).isEqualTo("running");
    assertThat(billing.lastPassingDrill().run()).isEqualTo(ids.get(0));
    assertThat(billing.lastPassingDrill().ageDays()).isEqualTo(39); // ended 20 minutes after launch
    assertThat(billing.neverDrilled()).isFalse();
    assertThat(billing.findings()).isEqualTo(new PlanFindingCount(3, 1));
  }

  @Test
  void theTrendHoldsTheNewestEndedDrillsOnlyWithObjectivesMetOrMissed() {
    PastRuns runs = new PastRuns(record);
    for (int i = 1; i <= 8; i++) {
      runs.add(drill("shop", i % 2 == 0 ? "pass" : "fail", i, i * 4L));
    }
    runs.add(new PastRun("shop", "drill", "running", null, NOW, Duration.ZERO, null, null));
    List<String> ids = runs.write();

    List<PlanCompliance.TrendPoint> trend =
        line(view.report(Optional.of("shop"), 3), "shop").drillTrend();

    assertThat(trend)
        .extracting(PlanCompliance.TrendPoint::run)
        .containsExactly(ids.get(0), ids.get(1), ids.get(2));
    assertThat(trend)
        .extracting(PlanCompliance.TrendPoint::rtoSeconds)
        .containsExactly(240L, 480L, 720L);
    // the objective is rto: 15m
    assertThat(trend)
        .extracting(PlanCompliance.TrendPoint::rtoMet)
        .containsExactly(true, true, true);
    assertThat(line(view.report(Optional.of("shop"), 8), "shop").drillTrend())
        .extracting(PlanCompliance.TrendPoint::rtoMet)
        .containsExactly(true, true, true, false, false, false, false, false);
  }

  @Test
  void plansNeverDrilledAreNamedInTheSummary() {
    new PastRuns(record).add("wiki", "tabletop", "succeeded", null, daysAgo(3)).write();

    ComplianceReport report = view.report(Optional.empty(), 5);

    assertThat(report.summary().neverDrilled()).containsExactly("billing", "shop", "wiki");
    assertThat(report.summary().openFindings()).isEqualTo(3);
    assertThat(report.summary().overdueFindings()).isEqualTo(1);
    assertThat(report.plans())
        .extracting(PlanCompliance::plan)
        .containsExactly("billing", "shop", "wiki");
  }

  @Test
  void coverageIsDueOneIntervalAfterTheLastPassingRun() {
    new PastRuns(record)
        .add(drill("billing", "pass", 30, 5))
        .add(drill("billing", "fail", 2, 5))
        .add("billing", "tabletop", "succeeded", null, daysAgo(200))
        .write();
    fires.put("billing/drill", daysAgo(-10));

    List<ModeCoverage> coverage =
        line(view.report(Optional.of("billing"), 5), "billing").coverage();

    ModeCoverage tabletop = coverage.get(0);
    assertThat(tabletop.mode()).isEqualTo("tabletop");
    assertThat(tabletop.every()).isEqualTo("180d");
    assertThat(tabletop.status()).isEqualTo(ModeCoverage.OVERDUE);
    // passed 200 days ago (ended 10 minutes later): due 20 days ago less 10 minutes, 20 days
    // started
    assertThat(tabletop.overdueDays()).isEqualTo(20);
    assertThat(tabletop.unscheduled()).as("overdue and nothing scheduled").isTrue();

    ModeCoverage drill = coverage.get(1);
    assertThat(drill.status()).isEqualTo(ModeCoverage.COVERED);
    assertThat(drill.dueAt())
        .isEqualTo(daysAgo(30).plus(Duration.ofMinutes(20)).plus(Duration.ofDays(90)));
    assertThat(drill.overdueDays()).isNull();
    assertThat(drill.nextScheduled()).isEqualTo(daysAgo(-10));
    assertThat(drill.unscheduled()).as("a drill is scheduled before it is due").isFalse();
  }

  @Test
  void aScheduleFiringAfterTheDueDateLeavesThePlanUnscheduled() {
    new PastRuns(record).add(drill("shop", "pass", 20, 5)).write();
    fires.put("shop/drill", daysAgo(-11));
    assertThat(line(view.report(Optional.of("shop"), 5), "shop").coverage())
        .singleElement()
        .satisfies(
            drill -> {
              assertThat(drill.status()).isEqualTo(ModeCoverage.COVERED);
              assertThat(drill.unscheduled()).isTrue();
            });

    fires.put("shop/drill", daysAgo(-9));
    assertThat(line(view.report(Optional.of("shop"), 5), "shop").unscheduled()).isFalse();
  }

  @Test
  void aModeThatNeverPassedIsOwedAndAPlanWithoutPolicyOwesNothing() {
    new PastRuns(record).add(drill("shop", "fail", 1, 5)).write();

    ComplianceReport report = view.report(Optional.empty(), 5);

    ModeCoverage shop = line(report, "shop").coverage().get(0);
    assertThat(shop.status()).isEqualTo(ModeCoverage.NEVER);
    assertThat(shop.dueAt()).isNull();
    assertThat(shop.lastPassAt()).isNull();
    assertThat(line(report, "wiki").coverage()).isEmpty();
    assertThat(report.summary().overdue()).containsExactly("billing", "shop");
    assertThat(report.summary().unscheduled()).containsExactly("billing", "shop");
  }

  @Test
  void anUnknownPlanIsRefusedAsNotFound() {
    assertThatThrownBy(() -> view.report(Optional.of("payroll"), 5))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal -> {
              assertThat(refusal.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
              assertThat(refusal.getMessage()).contains("payroll", "billing, shop, wiki");
            });
  }

  @Test
  void theFakesAreAskedPerModeThePolicyOwes() {
    Map<String, RunMode> asked = new HashMap<>();
    new ComplianceView(
            catalog,
            record.onDemand(ComplianceDao.class),
            Map::of,
            (plan, mode) -> {
              asked.put(plan + "/" + mode.apiName(), mode);
              return Optional.empty();
            },
            Clock.fixed(NOW, ZoneOffset.UTC))
        .report(Optional.empty(), 1);
    assertThat(asked).containsOnlyKeys("billing/tabletop", "billing/drill", "shop/drill");
  }
}
