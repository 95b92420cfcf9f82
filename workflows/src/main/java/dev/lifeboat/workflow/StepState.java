package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One step as the run sees it now.
 *
 * @param attempt the attempt that produced the outcome (0 while pending or skipped, 1 once
 *     started). Temporal retries inside the activity task, so the workflow learns the count only
 *     when all attempts are used up ({@code retry.attempts}); a success or a non-retryable failure
 *     says 1, meaning "at least one".
 * @param summary the activity's one-line outcome, or the failure message
 * @param prompt tabletop only: what participants are asked to walk through; null otherwise (and
 *     left out of drill and recovery states, so they serialise as before)
 * @param acknowledgement tabletop only: the participant's answer, once given
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
    @JsonInclude(JsonInclude.Include.NON_NULL) Acknowledgement acknowledgement) {}
