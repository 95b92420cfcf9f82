package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.workflow.Decision;
import dev.lifeboat.workflow.Finding;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.UndoState;
import dev.lifeboat.workflow.verdict.Verdict;
import java.time.Instant;
import java.util.List;

/**
 * A run as the API shows it.
 *
 * <p>While the record cannot be reached, a running run is shown from its workflow alone: {@code
 * plan}, {@code planSha256}, {@code mode}, {@code launcher}, {@code params} and {@code createdAt}
 * are null and {@code actions} empty (only the record knows them), and {@code note} says so.
 *
 * @param launcher the name of the token that launched it
 * @param live whether {@code steps} came from the running workflow: {@code source} is {@code live}
 * @param source where {@code steps} came from: the running workflow's answer ({@code live}) or the
 *     record ({@code record}: the run has ended, or its workflow did not answer in time)
 * @param note why the view is not what it would normally be, e.g. the workflow did not answer
 * @param actions what people asked of the run (e.g. cancel), by whom; empty in lists
 * @param findings tabletop gaps, in plan order; left out when there are none
 * @param cleanup how the run's undos went: {@code pending}, {@code complete}, {@code incomplete
 *     (step, …)} naming the steps whose undo failed, or {@code not_run} (a recovery); left out when
 *     the run registered no undo
 * @param undos each registered undo and how it went; left out when there are none
 * @param resumedFrom the run this run resumes; left out when it was launched afresh (and in lists)
 * @param resumedBy the run that resumed this one; left out when none did (and in lists)
 * @param objectives the plan's objectives ({@code rto}, {@code rpo}, in the runbook's spelling);
 *     left out when the record cannot be read
 * @param measured RTO achieved and RPO observed (each null when not measured), the step the RTO is
 *     measured to and the backup the RPO is the age of; left out until the run has a verdict
 * @param verdict {@code pass} or {@code fail} once a drill or recovery has ended; null while it
 *     goes on, for tabletop runs (no real timings: not applicable) and for runs that ended before
 *     verdicts existed
 * @param reasons why it failed, each with its {@code reason} code, words and figures; empty on a
 *     pass and without a verdict
 */
public record RunView(
    String id,
    String plan,
    String planSha256,
    RunMode mode,
    RunStatus status,
    String launcher,
    JsonNode params,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    boolean live,
    Source source,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note,
    List<StepView> steps,
    List<ActionView> actions,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) String cleanup,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<UndoState> undos,
    @JsonInclude(JsonInclude.Include.NON_NULL) String resumedFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) String resumedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) ObjectivesView objectives,
    @JsonInclude(JsonInclude.Include.NON_NULL) MeasuredView measured,
    Verdict verdict,
    JsonNode reasons) {

  /** The plan's objectives as the runbook spells them, e.g. {@code 15m}; null when not said. */
  public record ObjectivesView(String rto, String rpo) {}

  /**
   * What the run measured, durations as the runbook spells them (e.g. {@code 18m12s}).
   *
   * @param rto RTO achieved: from the run's start to the end of {@code rtoStep}; null when not
   *     measured
   * @param rpo RPO observed: the age when checked of the newest backup verified ({@code
   *     rpoBackup}); null when no backup was verified
   */
  public record MeasuredView(String rto, String rpo, String rtoStep, String rpoBackup) {}

  /** Where a view's steps came from. */
  public enum Source {
    @JsonProperty("live")
    LIVE,
    @JsonProperty("record")
    RECORD
  }

  public record ActionView(String action, String actor, Instant at) {}

  /**
   * What a tabletop participant sees for a step.
   *
   * @param fields the step's resolved fields (secrets appear only as references)
   * @param timeout how long the real step may take, e.g. {@code 10m}
   */
  public record PromptView(String kind, JsonNode fields, String owner, String timeout) {}

  /** A tabletop participant's answer: {@code outcome} is {@code ok} or {@code gap}. */
  public record AcknowledgementView(String by, String outcome, String notes, Instant at) {}

  /**
   * One failed attempt of a step's activity.
   *
   * @param activity the activity that failed, e.g. {@code VerifyBackup}; a start-failover step
   *     calls one per action
   * @param type the failure type, e.g. {@code UNAVAILABLE}
   */
  public record AttemptView(
      int attempt, Instant at, String activity, String type, String message) {}

  /**
   * @param failedAttempts every failed attempt, in order (the last one is also the step's failure
   *     when it failed); left out when there are none
   * @param carriedOverFrom a resumed run: the run in which this step succeeded, whose outcome it
   *     shows (it did not run again); left out otherwise
   */
  public record StepView(
      String stage,
      String id,
      String kind,
      StepStatus status,
      int attempt,
      Instant startedAt,
      Instant endedAt,
      String summary,
      @JsonInclude(JsonInclude.Include.NON_NULL) PromptView prompt,
      @JsonInclude(JsonInclude.Include.NON_NULL) AcknowledgementView acknowledgement,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttemptView> failedAttempts,
      /** Who approved, rejected, retried, skipped or aborted it, with what comment and when. */
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Decision> decisions,
      @JsonInclude(JsonInclude.Include.NON_NULL) String carriedOverFrom) {}
}
