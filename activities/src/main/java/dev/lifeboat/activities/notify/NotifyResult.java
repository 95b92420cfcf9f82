package dev.lifeboat.activities.notify;

import dev.lifeboat.activities.StepResult;

/**
 * What was sent.
 *
 * @param message the rendered text
 * @param status the webhook's HTTP status (0 for the log)
 */
public record NotifyResult(NotifyChannel channel, String message, int status, String summary)
    implements StepResult {}
