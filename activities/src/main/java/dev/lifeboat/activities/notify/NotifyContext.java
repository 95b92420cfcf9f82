package dev.lifeboat.activities.notify;

import java.util.List;
import java.util.Map;

/**
 * The data a notification template can use: {@code ${run.id}}, {@code ${plan.title}}, {@code
 * ${step.id}}, {@code ${params.NAME}}, and the steps so far.
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
    List<StepSummary> steps) {

  /** One step's state when the notification was sent. */
  public record StepSummary(String id, String status, String summary) {}
}
