package dev.lifeboat.workflow.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.verdict.RunFacts.BackupFact;
import dev.lifeboat.workflow.verdict.RunFacts.CleanupFact;
import dev.lifeboat.workflow.verdict.RunFacts.StepFact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerdictJudgeTest {
  static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
  static final RunVerdict.Objectives OBJECTIVES =
      new RunVerdict.Objectives(Duration.ofMinutes(15), Duration.ofHours(24));

  /** A drill of verify → restore (restores service) → check, then a finally notify. */
  static final class Drill {
    RunMode mode = RunMode.DRILL;
    RunStatus status = RunStatus.SUCCEEDED;
    Instant startedAt = START;
    RunVerdict.Objectives objectives = OBJECTIVES;
    List<StepFact> steps = new ArrayList<>();
    List<BackupFact> backups = new ArrayList<>();
    CleanupFact cleanup = new CleanupFact("complete", List.of());

    Drill() {
      steps.add(step("verify-dump", "verify", false, StepStatus.SUCCEEDED, 30));
      steps.add(step("restore-shop", "restore", true, StepStatus.SUCCEEDED, 10 * 60));
      steps.add(step("count-orders", "check", false, StepStatus.SUCCEEDED, 11 * 60));
      steps.add(
          new StepFact(
              "tell", "report", true, false, true, StepStatus.SUCCEEDED, at(12 * 60), "told"));
      backups.add(backup("verify-dump", Duration.ofHours(2)));
    }

    RunFacts facts() {
      return new RunFacts(mode, status, startedAt, objectives, steps, backups, cleanup);
    }

    RunVerdict judged() {
      return VerdictJudge.judge(facts()).orElseThrow();
    }

    void set(String id, StepStatus status, String summary) {
      steps.replaceAll(
          step ->
              step.id().equals(id)
                  ? new StepFact(
                      step.id(),
                      step.stage(),
                      step.finallyStage(),
                      step.restoresService(),
                      step.runsInMode(),
                      status,
                      step.endedAt(),
                      summary)
                  : step);
    }
  }

  static StepFact step(String id, String stage, boolean restores, StepStatus status, long second) {
    return new StepFact(id, stage, false, restores, true, status, at(second), "done");
  }

  static BackupFact backup(String stepId, Duration age) {
    return new BackupFact(
        stepId, "/backups/" + stepId + ".dump", START.minus(age), "dump header", age);
  }

  static Instant at(long second) {
    return START.plusSeconds(second);
  }

  static List<Reason> reasons(RunVerdict verdict) {
    return verdict.reasons().stream().map(VerdictReason::reason).toList();
  }

  @Test
  void passesADrillThatMetBothObjectivesAndCleanedUp() {
    RunVerdict verdict = new Drill().judged();

    assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
    assertThat(verdict.reasons()).isEmpty();
    assertThat(verdict.measured().rto()).isEqualTo(Duration.ofMinutes(10));
    assertThat(verdict.measured().rtoStep()).isEqualTo("restore-shop");
    assertThat(verdict.measured().rpo()).isEqualTo(Duration.ofHours(2));
    assertThat(verdict.measured().rpoBackup())
        .isEqualTo(
            "/backups/verify-dump.dump (step verify-dump; taken 2026-12-01T08:00:00Z by its"
                + " dump header)");
    assertThat(verdict.describe()).isEqualTo("pass");
  }

  @Test
  void tabletopRunsGetNoVerdict() {
    Drill tabletop = new Drill();
    tabletop.mode = RunMode.TABLETOP;

    assertThat(VerdictJudge.judge(tabletop.facts()))
        .as("not applicable: no real timings")
        .isEmpty();
  }

  @Nested
  class Rto {
    @Test
    void exactlyAtTheObjectivePasses() {
      Drill drill = new Drill();
      drill.objectives = new RunVerdict.Objectives(Duration.ofMinutes(10), Duration.ofHours(24));

      assertThat(drill.judged().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aMillisecondPastTheObjectiveFailsSayingByHowMuch() {
      Drill drill = new Drill();
      drill.objectives =
          new RunVerdict.Objectives(Duration.ofMinutes(10).minusMillis(1), Duration.ofHours(24));

      RunVerdict verdict = drill.judged();

      assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(reasons(verdict)).containsExactly(Reason.RTO_EXCEEDED);
      assertThat(verdict.reasons().get(0).exceededBy()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void exceededNamesAchievedAndObjectiveInWords() {
      Drill drill = new Drill();
      drill.steps.set(1, step("restore-shop", "restore", true, StepStatus.SUCCEEDED, 18 * 60 + 12));

      RunVerdict verdict = drill.judged();

      assertThat(verdict.describe())
          .isEqualTo("fail — RTO exceeded by 3m12s (achieved 18m12s, objective 15m)");
      VerdictReason reason = verdict.reasons().get(0);
      assertThat(reason.measured()).isEqualTo(Duration.ofSeconds(18 * 60 + 12));
      assertThat(reason.objective()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void withoutAMarkedStepRunsToTheEndOfTheLastMainStage() {
      Drill drill = new Drill();
      drill.steps.set(1, step("restore-shop", "restore", false, StepStatus.SUCCEEDED, 10 * 60));

      RunVerdict verdict = drill.judged();

      assertThat(verdict.measured().rto())
          .as("count-orders ends the last main stage; the finally stage does not count")
          .isEqualTo(Duration.ofMinutes(11));
      assertThat(verdict.measured().rtoStep()).isEqualTo("count-orders");
      assertThat(verdict.measured().rtoTo()).isEqualTo("the end of the last stage, check");
    }

    @Test
    void aMarkedStepLeftOutOfTheModeFallsBackToTheLastStage() {
      Drill drill = new Drill();
      drill.steps.set(
          1,
          new StepFact(
              "restore-shop", "restore", false, true, false, StepStatus.SKIPPED, at(1), "x"));

      RunVerdict verdict = drill.judged();

      assertThat(verdict.measured().rto()).isEqualTo(Duration.ofMinutes(11));
      assertThat(verdict.measured().rtoTo()).contains("does not run in a drill");
    }

    @Test
    void aMarkedStepThatFailedLeavesItUnmeasuredWhichFails() {
      Drill drill = new Drill();
      drill.set("restore-shop", StepStatus.FAILED, "pg_restore exited 1");
      drill.status = RunStatus.FAILED;

      RunVerdict verdict = drill.judged();

      assertThat(reasons(verdict)).containsExactly(Reason.STEP_FAILED, Reason.RTO_NOT_MEASURED);
      assertThat(verdict.reasons().get(0).step()).isEqualTo("restore-shop");
      assertThat(verdict.reasons().get(0).message())
          .isEqualTo("step restore-shop failed: pg_restore exited 1");
      assertThat(verdict.reasons().get(1).message())
          .isEqualTo(
              "RTO not measured (objective 15m): step restore-shop, which restores service, did"
                  + " not succeed (failed)");
      assertThat(verdict.measured().rto()).isNull();
    }

    @Test
    void withoutAMarkAFailedRunIsNotMeasured() {
      Drill drill = new Drill();
      drill.steps.set(1, step("restore-shop", "restore", false, StepStatus.SUCCEEDED, 10 * 60));
      drill.set("count-orders", StepStatus.FAILED, "unhealthy");
      drill.status = RunStatus.FAILED;

      assertThat(reasons(drill.judged()))
          .containsExactly(Reason.STEP_FAILED, Reason.RTO_NOT_MEASURED);
    }

    @Test
    void aPlanWithoutAnRtoObjectiveIsNotJudgedOnIt() {
      Drill drill = new Drill();
      drill.objectives = new RunVerdict.Objectives(null, Duration.ofHours(24));
      drill.steps.set(1, step("restore-shop", "restore", true, StepStatus.SUCCEEDED, 99 * 60));

      assertThat(drill.judged().verdict()).isEqualTo(Verdict.PASS);
    }
  }

  @Nested
  class Rpo {
    @Test
    void theNewestOfSeveralVerifiedBackupsCounts() {
      Drill drill = new Drill();
      drill.backups.add(backup("verify-old", Duration.ofHours(30)));
      drill.backups.add(backup("verify-fresh", Duration.ofMinutes(5)));

      RunVerdict verdict = drill.judged();

      assertThat(verdict.verdict()).isEqualTo(Verdict.PASS);
      assertThat(verdict.measured().rpo()).isEqualTo(Duration.ofMinutes(5));
      assertThat(verdict.measured().rpoBackup()).contains("verify-fresh");
    }

    @Test
    void exactlyAtTheObjectivePasses() {
      Drill drill = new Drill();
      drill.backups.set(0, backup("verify-dump", Duration.ofHours(24)));

      assertThat(drill.judged().verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void anOlderBackupFailsSayingByHowMuch() {
      Drill drill = new Drill();
      drill.backups.set(0, backup("verify-dump", Duration.ofHours(25)));

      RunVerdict verdict = drill.judged();

      assertThat(reasons(verdict)).containsExactly(Reason.RPO_EXCEEDED);
      assertThat(verdict.reasons().get(0).message())
          .isEqualTo("RPO exceeded by 1h (observed 25h, objective 24h)");
    }

    @Test
    void noVerifiedBackupIsNotMeasuredAndCannotPass() {
      Drill recovery = new Drill();
      recovery.mode = RunMode.RECOVERY;
      recovery.backups.clear();

      RunVerdict verdict = recovery.judged();

      assertThat(verdict.verdict()).isEqualTo(Verdict.FAIL);
      assertThat(reasons(verdict)).containsExactly(Reason.RPO_NOT_MEASURED);
      assertThat(verdict.reasons().get(0).message())
          .isEqualTo(
              "RPO not measured (objective 24h): no verify-backup step verified a backup in this"
                  + " run");
      assertThat(verdict.measured().rpo()).isNull();
    }
  }

  @Nested
  class Outcome {
    @Test
    void aStepThePlanWentPastStillFails() {
      Drill drill = new Drill();
      drill.set("count-orders", StepStatus.FAILED, "unhealthy (999)");
      drill.status = RunStatus.SUCCEEDED_WITH_FAILURES;

      RunVerdict verdict = drill.judged();

      assertThat(reasons(verdict)).containsExactly(Reason.STEP_FAILED);
      assertThat(verdict.measured().rto()).as("service was back").isNotNull();
    }

    @Test
    void aFailedFinallyStepFails() {
      Drill drill = new Drill();
      drill.set("tell", StepStatus.FAILED, "webhook 500");

      assertThat(reasons(drill.judged())).containsExactly(Reason.STEP_FAILED);
    }

    @Test
    void aFailedRunWithoutAFailedStepFails() {
      Drill drill = new Drill();
      drill.set("count-orders", StepStatus.SKIPPED, "not run: aborted by alice");
      drill.status = RunStatus.FAILED;

      assertThat(reasons(drill.judged())).containsExactly(Reason.RUN_FAILED);
    }

    @Test
    void aCancelledRunFails() {
      Drill drill = new Drill();
      drill.set("count-orders", StepStatus.FAILED, "cancelled");
      drill.status = RunStatus.CANCELLED;

      assertThat(reasons(drill.judged())).containsExactly(Reason.RUN_CANCELLED, Reason.STEP_FAILED);
    }

    @Test
    void anInterruptedRunFails() {
      Drill drill = new Drill();
      drill.set("count-orders", StepStatus.INTERRUPTED, "step interrupted while running");
      drill.status = RunStatus.INTERRUPTED;
      drill.cleanup = new CleanupFact("pending", List.of("restore-shop"));

      RunVerdict verdict = drill.judged();

      assertThat(reasons(verdict))
          .containsExactly(Reason.RUN_INTERRUPTED, Reason.CLEANUP_INCOMPLETE);
      assertThat(verdict.measured().rto())
          .as("the marked step had ended before the interruption")
          .isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRunThatNeverStartedMeasuresNothing() {
      Drill drill = new Drill();
      drill.startedAt = null;
      drill.status = RunStatus.INTERRUPTED;
      drill.backups.clear();

      assertThat(reasons(drill.judged()))
          .containsExactly(
              Reason.RUN_INTERRUPTED, Reason.RTO_NOT_MEASURED, Reason.RPO_NOT_MEASURED);
    }
  }

  @Nested
  class Cleanup {
    @Test
    void aFailedUndoFailsNamingIt() {
      Drill drill = new Drill();
      drill.cleanup = new CleanupFact("incomplete", List.of("restore-shop"));

      RunVerdict verdict = drill.judged();

      assertThat(reasons(verdict)).containsExactly(Reason.CLEANUP_INCOMPLETE);
      assertThat(verdict.reasons().get(0).undos()).containsExactly("restore-shop");
      assertThat(verdict.reasons().get(0).message())
          .isEqualTo("cleanup incomplete: an undo failed (restore-shop)");
    }

    @Test
    void aRecoveryThatRanNoUndoIsNotFailedForIt() {
      Drill recovery = new Drill();
      recovery.mode = RunMode.RECOVERY;
      recovery.cleanup = new CleanupFact("not_run", List.of());

      assertThat(recovery.judged().verdict()).isEqualTo(Verdict.PASS);
    }
  }

  @Test
  void serialisesWithDurationsInTheRunbooksSpelling() throws Exception {
    Drill drill = new Drill();
    drill.steps.set(1, step("restore-shop", "restore", true, StepStatus.SUCCEEDED, 18 * 60 + 12));

    String json = new ObjectMapper().writeValueAsString(drill.judged());

    assertThat(json)
        .contains("\"verdict\":\"fail\"")
        .contains("\"reason\":\"rto_exceeded\"")
        .contains("\"exceededBy\":\"3m12s\"")
        .contains("\"rto\":\"18m12s\"")
        .contains("\"objectives\":{\"rto\":\"15m\",\"rpo\":\"24h\"}")
        .doesNotContain("\"step\":null");
  }
}
