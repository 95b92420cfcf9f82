package dev.lifeboat.app.compliance;

import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Exercise;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.workflow.RunMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns one plan's rows of the record into its line of the compliance view, as of {@code now}. */
final class PlanReading {
  private static final List<RunMode> OWED_MODES = List.of(RunMode.TABLETOP, RunMode.DRILL);

  private final ScheduledFires schedules;
  private final Instant now;

  PlanReading(ScheduledFires schedules, Instant now) {
    this.schedules = schedules;
    this.now = now;
  }

  PlanCompliance of(
      Runbook plan, List<RunMark> marks, List<DrillPoint> drills, PlanFindingCount findings) {
    Map<String, RunMark> last = ComplianceView.byMode(marks, RunMark.LAST);
    Map<String, RunMark> passing = ComplianceView.byMode(marks, RunMark.PASSING);
    Map<String, PlanCompliance.LastRun> lastRuns = new LinkedHashMap<>();
    last.forEach(
        (mode, run) ->
            lastRuns.put(
                mode,
                new PlanCompliance.LastRun(run.runId(), run.status(), run.verdict(), run.at())));
    String drill = RunMode.DRILL.apiName();
    PlanCompliance.LastPass lastPass =
        Optional.ofNullable(passing.get(drill))
            .map(
                run ->
                    new PlanCompliance.LastPass(
                        run.runId(), run.at(), Duration.between(run.at(), now).toDays()))
            .orElse(null);
    return new PlanCompliance(
        plan.name(),
        plan.title(),
        plan.owner(),
        Durations.format(plan.objectives().rto()),
        Durations.format(plan.objectives().rpo()),
        lastRuns,
        lastPass,
        !last.containsKey(drill),
        drills.stream().map(point -> trendPoint(plan, point)).toList(),
        findings,
        coverage(plan, passing));
  }

  private List<ModeCoverage> coverage(Runbook plan, Map<String, RunMark> passing) {
    Exercise exercise = plan.exercise();
    List<ModeCoverage> coverage = new ArrayList<>();
    if (exercise == null) {
      return coverage;
    }
    for (RunMode mode : OWED_MODES) {
      exercise
          .every(mode.apiName())
          .ifPresent(
              every ->
                  coverage.add(
                      ModeCoverage.of(
                          mode.apiName(),
                          every,
                          ComplianceView.spelled(every),
                          Optional.ofNullable(passing.get(mode.apiName())),
                          schedules.nextFire(plan.name(), mode),
                          now)));
    }
    return coverage;
  }

  private static PlanCompliance.TrendPoint trendPoint(Runbook plan, DrillPoint drill) {
    Long rto = drill.rtoMillis() == null ? null : drill.rtoMillis() / 1000;
    Long rpo = drill.rpoMillis() == null ? null : drill.rpoMillis() / 1000;
    return new PlanCompliance.TrendPoint(
        drill.runId(),
        drill.endedAt() == null ? drill.createdAt() : drill.endedAt(),
        drill.status(),
        drill.verdict(),
        rto,
        drill.rtoMillis() == null ? null : drill.rtoMillis() <= plan.objectives().rto().toMillis(),
        rpo,
        drill.rpoMillis() == null ? null : drill.rpoMillis() <= plan.objectives().rpo().toMillis());
  }
}
