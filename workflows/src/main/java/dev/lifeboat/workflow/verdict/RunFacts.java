package dev.lifeboat.workflow.verdict;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a run's verdict is judged from, as its record holds it once the run has ended.
 *
 * @param startedAt when the run started (its {@code run.started}); null if it never did
 * @param objectives the plan's objectives (either may be null in plans recorded without it)
 * @param steps every step of the plan, main stages then {@code finally:} stages, in plan order
 * @param backups every backup a {@code verify-backup} step verified (succeeded) in the run
 * @param cleanup the drill's cleanup, or null when the run registered no undo
 */
public record RunFacts(
    RunMode mode,
    RunStatus status,
    Instant startedAt,
    RunVerdict.Objectives objectives,
    List<StepFact> steps,
    List<BackupFact> backups,
    CleanupFact cleanup) {
  public RunFacts {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(objectives, "objectives");
    steps = List.copyOf(steps);
    backups = List.copyOf(backups);
  }

  /**
   * One step of the plan and how it ended.
   *
   * @param finallyStage whether it is a step of a {@code finally:} stage
   * @param restoresService whether it says {@code restores_service: true}
   * @param runsInMode whether its {@code modes:} (if any) include the run's mode
   * @param endedAt when it ended; null if it never did
   */
  public record StepFact(
      String id,
      String stage,
      boolean finallyStage,
      boolean restoresService,
      boolean runsInMode,
      StepStatus status,
      Instant endedAt,
      String summary) {
    public StepFact {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * A backup a verify-backup step verified.
   *
   * @param age its age when checked, from {@code takenAt}
   * @param ageSource what {@code takenAt} comes from: {@code dump header} or {@code file mtime}
   */
  public record BackupFact(
      String stepId, String path, Instant takenAt, String ageSource, Duration age) {
    public BackupFact {
      Objects.requireNonNull(stepId, "stepId");
      Objects.requireNonNull(age, "age");
    }
  }

  /**
   * How a drill's cleanup ended.
   *
   * @param status {@code complete}, {@code incomplete}, {@code not_run} (a recovery), or {@code
   *     pending}/{@code running} when the run ended without finishing it
   * @param unfinished the steps whose undo failed, or (pending, running) has not succeeded
   */
  public record CleanupFact(String status, List<String> unfinished) {
    public CleanupFact {
      Objects.requireNonNull(status, "status");
      unfinished = List.copyOf(unfinished);
    }
  }
}
