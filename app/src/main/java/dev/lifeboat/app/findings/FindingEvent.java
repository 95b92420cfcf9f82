package dev.lifeboat.app.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a finding's history: what happened ({@code created}, {@code status}, {@code owner},
 * {@code due}), who did it and when, and the finding's state after it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingEvent(
    long seq,
    String type,
    Instant at,
    String actor,
    String status,
    String owner,
    LocalDate due,
    String note) {}
