package dev.lifeboat.app.notices;

/**
 * What became of a notice.
 *
 * @param sentNow false when it was sent before (a retry) or its owner has no channel
 * @param summary where it went, or why it did not
 */
public record RunNoticeSent(boolean sentNow, String summary) {}
