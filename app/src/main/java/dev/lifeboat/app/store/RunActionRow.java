package dev.lifeboat.app.store;

import java.time.Instant;

/**
 * One row of {@code run_actions}: what a person asked of a run, e.g. {@code cancel}. {@code actor}
 * is the authenticated caller's name; {@code seq} is 0 until recorded.
 */
public record RunActionRow(long seq, String runId, String action, String actor, Instant at) {}
