package dev.lifeboat.workflow;

import java.time.Instant;

/**
 * One step as the run sees it now.
 *
 * @param attempt the attempt that produced the outcome (0 while pending)
 * @param summary the activity's one-line outcome, or the failure message
 */
public record StepState(
    String stage,
    String stepId,
    String kind,
    StepStatus status,
    int attempt,
    Instant startedAt,
    Instant endedAt,
    String summary) {}
