package dev.lifeboat.workflow;

import java.time.Instant;

/**
 * One person's decision on a step, as recorded: who (the caller's token name, never a field of a
 * request body), with which role, what ({@code approve}, {@code reject}, {@code retry}, {@code
 * skip} or {@code abort}), why, and when (workflow time).
 */
public record Decision(String by, String role, String decision, String comment, Instant at) {}
