package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One step as the run sees it now. It moves only through {@link StepStates#apply}, live on the run
 * board and when rebuilt from the record alike.
 *
 * @param attempt the attempt that produced the outcome (0 while pending or skipped, 1 once
 *     started). Temporal retries inside the activity task; the workflow counts the attempts its
 *     workers reported failed ({@code failedAttempts}), so a step that failed twice and then
 *     succeeded says 3. Without such reports (a worker without {@link StepAttemptsInterceptor}), a
 *     success or a non-retryable failure says 1, meaning "at least one", and a step that used up
 *     its attempts says {@code retry.attempts}.
 * @param startedAt when it started, or was prompted; null while pending, and for a step skipped
 *     before it started
 * @param endedAt when it ended: succeeded, failed, was skipped or interrupted, or acknowledged
 * @param summary the activity's one-line outcome, or the failure message
 * @param prompt tabletop only: what participants are asked to walk through; null otherwise (and
 *     left out of drill and recovery states, so they serialise as before)
 * @param acknowledgement tabletop only: the participant's answer, once given
 * @param failedAttempts every failed attempt of the step's activities, in the order reported (the
 *     last one too: it is also the step's failure); left out of the JSON when there are none
 * @param decisions what people decided on the step, in order: approvals and rejections of an
 *     approval step, retry, skip or abort of a paused one; left out of the JSON when there are none
 * @param carriedOverFrom a resumed run: the run in which this step succeeded, whose outcome it
 *     shows instead of running again; left out of the JSON otherwise
 */
public record StepState(
    String stage,
    String stepId,
    String kind,
    StepStatus status,
    int attempt,
    Instant startedAt,
    Instant endedAt,
    String summary,
    @JsonInclude(JsonInclude.Include.NON_NULL) TabletopPrompt prompt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Acknowledgement acknowledgement,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AttemptFailure> failedAttempts,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Decision> decisions,
    @JsonInclude(JsonInclude.Include.NON_NULL) String carriedOverFrom) {
  public StepState {
    failedAttempts = failedAttempts == null ? List.of() : List.copyOf(failedAttempts);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  /** A step of this run (not carried over) with the decisions taken on it. */
  public StepState(
      String stage,
      String stepId,
      String kind,
      StepStatus status,
      int attempt,
      Instant startedAt,
      Instant endedAt,
      String summary,
      TabletopPrompt prompt,
      Acknowledgement acknowledgement,
      List<AttemptFailure> failedAttempts,
      List<Decision> decisions) {
    this(
        stage,
        stepId,
        kind,
        status,
        attempt,
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        failedAttempts,
        decisions,
        null);
  }

  /** A step nobody decided on, carried over from run {@code carriedOverFrom} (or null). */
  public StepState(
      String stage,
      String stepId,
      String kind,
      StepStatus status,
      int attempt,
      Instant startedAt,
      Instant endedAt,
      String summary,
      TabletopPrompt prompt,
      Acknowledgement acknowledgement,
      List<AttemptFailure> failedAttempts,
      String carriedOverFrom) {
    this(
        stage,
        stepId,
        kind,
        status,
        attempt,
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        failedAttempts,
        List.of(),
        carriedOverFrom);
  }

  /** A step nobody has decided on. */
  public StepState(
      String stage,
      String stepId,
      String kind,
      StepStatus status,
      int attempt,
      Instant startedAt,
      Instant endedAt,
      String summary,
      TabletopPrompt prompt,
      Acknowledgement acknowledgement,
      List<AttemptFailure> failedAttempts) {
    this(
        stage,
        stepId,
        kind,
        status,
        attempt,
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        failedAttempts,
        List.of());
  }

  /** A step without failed attempts. */
  public StepState(
      String stage,
      String stepId,
      String kind,
      StepStatus status,
      int attempt,
      Instant startedAt,
      Instant endedAt,
      String summary,
      TabletopPrompt prompt,
      Acknowledgement acknowledgement) {
    this(
        stage,
        stepId,
        kind,
        status,
        attempt,
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        List.of());
  }

  /** A step of the plan that has not started. */
  public static StepState pending(String stage, String stepId, String kind) {
    return new StepState(stage, stepId, kind, StepStatus.PENDING, 0, null, null, null, null, null);
  }

  /**
   * This state with {@code failure} added to its failed attempts, unless it is already there (a
   * repeated report); the attempt count moves up to it. The status does not change: the step's end
   * says how it ended.
   */
  public StepState withFailedAttempt(AttemptFailure failure) {
    if (failedAttempts.stream().anyMatch(failure::sameAttemptAs)) {
      return this;
    }
    List<AttemptFailure> failures = new ArrayList<>(failedAttempts);
    failures.add(failure);
    return new StepState(
        stage,
        stepId,
        kind,
        status,
        Math.max(attempt, failure.attempt()),
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        failures,
        decisions,
        carriedOverFrom);
  }

  /** This state with {@code status} and {@code summary}, everything else kept. */
  public StepState with(StepStatus status, String summary) {
    return new StepState(
        stage,
        stepId,
        kind,
        status,
        attempt,
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        failedAttempts,
        decisions,
        carriedOverFrom);
  }

  /** This state with {@code decision} added, and {@code summary}. */
  public StepState withDecision(Decision decision, String summary) {
    List<Decision> all = new ArrayList<>(decisions);
    all.add(decision);
    return new StepState(
        stage,
        stepId,
        kind,
        status,
        attempt,
        startedAt,
        endedAt,
        summary,
        prompt,
        acknowledgement,
        failedAttempts,
        all,
        carriedOverFrom);
  }
}
