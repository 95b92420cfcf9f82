package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.StepResult;

/**
 * What the API answered to an {@code http} action.
 *
 * @param bodyExcerpt the start of the response body, whitespace flattened (at most 500 chars)
 */
public record HttpActionResult(int status, String bodyExcerpt, long latencyMillis, String summary)
    implements StepResult {}
