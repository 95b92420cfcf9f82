package dev.lifeboat.workflow;

import java.util.List;

/**
 * The detail of a failed {@code start-failover} step's {@code step.failed} event: what {@link
 * FailureDetail} says, plus which action failed and what the actions before it did, so the record
 * shows how far the failover got.
 *
 * @param failedAction the failed action's position, from 1
 * @param completed the results of the actions that ran before it and succeeded
 */
public record FailoverFailureDetail(
    String type, String message, int failedAction, List<FailoverActionResult> completed) {}
