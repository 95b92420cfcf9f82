package dev.lifeboat.workflow;

import java.time.Instant;

/** Who acknowledged a tabletop prompt, with which outcome and notes, and when (workflow time). */
public record Acknowledgement(String by, AckOutcome outcome, String notes, Instant at) {}
