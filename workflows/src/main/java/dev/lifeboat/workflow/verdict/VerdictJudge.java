package dev.lifeboat.workflow.verdict;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.verdict.RunFacts.BackupFact;
import dev.lifeboat.workflow.verdict.RunFacts.StepFact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one place a run's verdict is decided, from its {@link RunFacts}. Pure: the record calls it as
 * a run ends, whoever ends it (the workflow, or the reconciler for an interrupted run).
 *
 * <ul>
 *   <li>RTO achieved: from the run's start to the end of the step marked {@code restores_service:
 *       true} when it succeeded; without such a step (or when it does not run in the run's mode),
 *       to the end of the last main stage, when the run got through its main stages.
 *   <li>RPO observed: the age, when checked, of the newest backup a verify-backup step verified.
 *   <li>An objective that was not measured does not pass: {@code rto_not_measured}, {@code
 *       rpo_not_measured}. Exactly at the objective passes.
 *   <li>Also failing: each failed step, a failed, cancelled or interrupted run, and a drill whose
 *       cleanup is not complete.
 *   <li>Tabletop runs have no real timings: no verdict.
 * </ul>
 */
public final class VerdictJudge {
  private VerdictJudge() {}

  /** The run's verdict; empty for a tabletop run (not applicable). */
  public static Optional<RunVerdict> judge(RunFacts run) {
    if (run.mode() == RunMode.TABLETOP) {
      return Optional.empty();
    }
    if (run.mode() == RunMode.PRECHECK) {
      return Optional.of(precheck(run));
    }
    List<VerdictReason> reasons = new ArrayList<>(outcome(run));
    Rto rto = rto(run);
    Optional<BackupFact> newest = run.backups().stream().min(Comparator.comparing(BackupFact::age));
    Duration rtoObjective = run.objectives().rto();
    if (rtoObjective != null) {
      if (rto.achieved() == null) {
        reasons.add(
            VerdictReason.notMeasured(Reason.RTO_NOT_MEASURED, "RTO", rtoObjective, rto.to()));
      } else if (rto.achieved().compareTo(rtoObjective) > 0) {
        reasons.add(
            VerdictReason.exceeded(Reason.RTO_EXCEEDED, "RTO", rto.achieved(), rtoObjective));
      }
    }
    Duration rpoObjective = run.objectives().rpo();
    if (rpoObjective != null) {
      if (newest.isEmpty()) {
        reasons.add(
            VerdictReason.notMeasured(
                Reason.RPO_NOT_MEASURED,
                "RPO",
                rpoObjective,
                "no verify-backup step verified a backup in this run"));
      } else if (newest.get().age().compareTo(rpoObjective) > 0) {
        reasons.add(
            VerdictReason.exceeded(Reason.RPO_EXCEEDED, "RPO", newest.get().age(), rpoObjective));
      }
    }
    cleanup(run).ifPresent(reasons::add);
    Measured measured =
        new Measured(
            rto.achieved(),
            rto.step(),
            rto.to(),
            newest.map(BackupFact::age).orElse(null),
            newest.map(VerdictJudge::describe).orElse(null));
    return Optional.of(
        new RunVerdict(
            reasons.isEmpty() ? Verdict.PASS : Verdict.FAIL, reasons, measured, run.objectives()));
  }

  /**
   * A precheck runs no step and measures no objective: it passes when it ended with no failed check
   * (its workflow then ends succeeded), whatever it warned about.
   */
  private static RunVerdict precheck(RunFacts run) {
    List<VerdictReason> reasons =
        run.status() == RunStatus.FAILED
            ? List.of(
                VerdictReason.of(
                    Reason.CHECK_FAILED,
                    "a readiness check failed; the run's precheck.check events say which"))
            : outcome(run);
    return new RunVerdict(
        reasons.isEmpty() ? Verdict.PASS : Verdict.FAIL,
        reasons,
        new Measured(null, null, null, null, null),
        run.objectives());
  }

  /** How the run itself ended: each failed step, or why it did not end on its own. */
  private static List<VerdictReason> outcome(RunFacts run) {
    List<VerdictReason> reasons = new ArrayList<>();
    if (run.status() == RunStatus.CANCELLED) {
      reasons.add(VerdictReason.of(Reason.RUN_CANCELLED, "the run was cancelled"));
    } else if (run.status() == RunStatus.INTERRUPTED) {
      reasons.add(
          VerdictReason.of(
              Reason.RUN_INTERRUPTED,
              "the run was interrupted: its workflow was lost before it ended"));
    }
    for (StepFact step : run.steps()) {
      if (step.status() == StepStatus.FAILED) {
        reasons.add(VerdictReason.stepFailed(step.id(), step.summary()));
      }
    }
    if (run.status() == RunStatus.FAILED && reasons.isEmpty()) {
      reasons.add(VerdictReason.of(Reason.RUN_FAILED, "the run failed"));
    }
    return reasons;
  }

  /** RTO achieved and to what, or null and why not. */
  private record Rto(Duration achieved, String step, String to) {}

  private static Rto rto(RunFacts run) {
    Optional<StepFact> marked = run.steps().stream().filter(StepFact::restoresService).findFirst();
    if (run.startedAt() == null) {
      return new Rto(null, marked.map(StepFact::id).orElse(null), "the run never started");
    }
    if (marked.isPresent() && marked.get().runsInMode()) {
      StepFact step = marked.get();
      if (step.status() != StepStatus.SUCCEEDED || step.endedAt() == null) {
        return new Rto(
            null,
            step.id(),
            "step "
                + step.id()
                + ", which restores service, did not succeed ("
                + step.status().apiName()
                + ")");
      }
      return new Rto(
          Duration.between(run.startedAt(), step.endedAt()),
          step.id(),
          "the end of step " + step.id() + " (restores_service)");
    }
    String unmarked =
        marked
            .map(
                step ->
                    " (step "
                        + step.id()
                        + ", which restores service, does not run in a "
                        + run.mode().apiName()
                        + ")")
            .orElse("");
    if (run.status() != RunStatus.SUCCEEDED && run.status() != RunStatus.SUCCEEDED_WITH_FAILURES) {
      return new Rto(
          null,
          null,
          "the run did not get through its stages (" + run.status().apiName() + ")" + unmarked);
    }
    List<StepFact> main = run.steps().stream().filter(step -> !step.finallyStage()).toList();
    String lastStage = main.isEmpty() ? null : main.get(main.size() - 1).stage();
    Optional<StepFact> last =
        main.stream()
            .filter(step -> step.stage().equals(lastStage) && step.endedAt() != null)
            .max(Comparator.comparing(StepFact::endedAt));
    if (last.isEmpty()) {
      return new Rto(null, null, "no step of the last stage ended" + unmarked);
    }
    return new Rto(
        Duration.between(run.startedAt(), last.get().endedAt()),
        last.get().id(),
        "the end of the last stage, " + lastStage + unmarked);
  }

  /** A drill's cleanup that did not complete; a recovery runs undos only on request. */
  private static Optional<VerdictReason> cleanup(RunFacts run) {
    RunFacts.CleanupFact cleanup = run.cleanup();
    if (run.mode() != RunMode.DRILL || cleanup == null || cleanup.status().equals("complete")) {
      return Optional.empty();
    }
    String how =
        cleanup.status().equals("incomplete") ? "an undo failed" : "the undos did not all run";
    return Optional.of(VerdictReason.cleanupIncomplete(how, cleanup.unfinished()));
  }

  /** {@code /backups/shop.dump (verify-dump; taken 2026-…Z by its dump header)}. */
  private static String describe(BackupFact backup) {
    return (backup.path() == null ? "a backup" : backup.path())
        + " (step "
        + backup.stepId()
        + (backup.takenAt() == null
            ? ""
            : "; taken "
                + backup.takenAt()
                + (backup.ageSource() == null ? "" : " by its " + backup.ageSource()))
        + ")";
  }
}
