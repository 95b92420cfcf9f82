package dev.lifeboat.app.report;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.List;

/**
 * Everything a run's report shows, read from the record ({@link RunReports}); every format renders
 * this one value, so they cannot disagree. Durations are given twice: as the runbook spells them
 * (e.g. {@code 18m12s}) for people and in milliseconds for programs.
 *
 * @param generatedAt when this report was made (the record may grow while a run goes on)
 * @param participants tabletop: who acknowledged steps, in the order they first did
 * @param decisions approvals and rejections of approval steps, and retry, skip or abort of paused
 *     ones, in step order
 * @param verdict null for tabletop runs (no real timings) and runs without a verdict yet
 * @param cleanup null when the run registered no undo
 */
public record RunReport(
    String runId,
    Plan plan,
    RunMode mode,
    RunStatus status,
    String launcher,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    Instant generatedAt,
    Objective rto,
    Objective rpo,
    List<String> participants,
    List<DecisionReport> decisions,
    List<StepReport> steps,
    VerdictReport verdict,
    List<ReportFinding> findings,
    CleanupReport cleanup,
    List<ActionReport> actions,
    IntegrityReport integrity) {

  /** This report with the run's findings and its chain as checked now. */
  public RunReport with(List<ReportFinding> findings, IntegrityReport integrity) {
    return new RunReport(
        runId,
        plan,
        mode,
        status,
        launcher,
        createdAt,
        startedAt,
        endedAt,
        generatedAt,
        rto,
        rpo,
        participants,
        decisions,
        steps,
        verdict,
        findings,
        cleanup,
        actions,
        integrity);
  }

  /** The plan as it ran: {@code text} is the exact runbook text, {@code sha256} its hash. */
  public record Plan(String name, String title, String owner, String sha256, String text) {}

  /**
   * One objective against what the run measured.
   *
   * @param target as the runbook spells it; null when the plan sets none
   * @param measured null when not measured
   * @param measuredAgainst RTO: the step it is measured to; RPO: the backup it is the age of
   * @param met null when either side is missing
   */
  public record Objective(
      String target,
      Long targetMillis,
      String measured,
      Long measuredMillis,
      String measuredAgainst,
      Boolean met) {}

  /** One person's decision on a step: {@code approve}, {@code reject}, {@code retry}, … */
  public record DecisionReport(
      String stepId, String by, String role, String decision, String comment, Instant at) {}

  /** A tabletop participant's answer on a step: {@code ok} or {@code gap}, with notes. */
  public record Acknowledgement(String by, String outcome, String notes, Instant at) {}

  /**
   * One step, with every attempt.
   *
   * @param excerpt the start of the step's outcome (its one-line summary or failure)
   * @param outputUrl the API address of the event holding its full output; null before it ended
   * @param acknowledgement tabletop only; null while (or if never) acknowledged
   */
  public record StepReport(
      String stage,
      String id,
      String kind,
      String status,
      Instant startedAt,
      Instant endedAt,
      String duration,
      Long durationMillis,
      String excerpt,
      String outputUrl,
      Acknowledgement acknowledgement,
      List<Attempt> attempts,
      String carriedOverFrom) {}

  /**
   * One attempt of a step: each failed one ({@code step.attempt_failed}) and the last one, which
   * ended the step. An attempt after a failed one is taken to start when that one failed.
   */
  public record Attempt(
      String stage,
      String stepId,
      int attempt,
      String activity,
      Instant startedAt,
      Instant endedAt,
      String duration,
      Long durationMillis,
      String outcome,
      String excerpt,
      String outputUrl) {}

  /** {@code pass} or {@code fail}, and why it failed, each reason in words. */
  public record VerdictReport(String verdict, List<String> reasons) {}

  /** How the run's undos went: {@code complete}, {@code incomplete}, {@code not_run}, … */
  public record CleanupReport(String status, List<Undo> undos) {}

  /** One registered undo, how it went and when it ended (null when it did not run). */
  public record Undo(
      String stepId, String undoId, String kind, String status, String summary, Instant at) {}

  /** What people asked of the run, e.g. {@code cancel}, by whom. */
  public record ActionReport(String action, String actor, Instant at) {}

  /**
   * The run's hash chain, checked when the report was made.
   *
   * @param head the last event's hash: a printed report pins the record up to it
   * @param broken where the chain first breaks, in words; null when intact
   */
  public record IntegrityReport(String status, long events, String head, String broken) {}
}
