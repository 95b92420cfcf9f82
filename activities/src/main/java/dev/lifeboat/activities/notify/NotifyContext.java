package dev.lifeboat.activities.notify;

import java.util.List;
import java.util.Map;

/**
 * The data a notification template can use: {@code ${run.id}}, {@code ${run.outcome}}, {@code
 * ${plan.title}}, {@code ${step.id}}, {@code ${params.NAME}}, the steps so far and, once the run's
 * main stages have ended, the step that failed ({@code ${failedStep.id}}). The README's "Notify
 * templates" lists the whole model.
 *
 * @param outcome how the run's main stages ended, as the run status spells it ({@code succeeded},
 *     {@code succeeded_with_failures}, {@code failed}, {@code cancelled}), or {@code running} while
 *     they run; null in requests recorded before it existed
 * @param failedStep the step that failed the run, else the first that failed; null when none has
 *     (or the main stages are still running)
 */
public record NotifyContext(
    String runId,
    String mode,
    String launcher,
    String planName,
    String planTitle,
    String stepId,
    String stageName,
    Map<String, String> params,
    List<StepSummary> steps,
    String outcome,
    StepSummary failedStep) {

  /** What {@link #outcome} says while the main stages run. */
  public static final String RUNNING = "running";

  /** A context sent while the run's main stages are still running. */
  public NotifyContext(
      String runId,
      String mode,
      String launcher,
      String planName,
      String planTitle,
      String stepId,
      String stageName,
      Map<String, String> params,
      List<StepSummary> steps) {
    this(
        runId, mode, launcher, planName, planTitle, stepId, stageName, params, steps, RUNNING,
        null);
  }

  /** One step's state when the notification was sent. */
  public record StepSummary(String id, String status, String summary) {}
}
