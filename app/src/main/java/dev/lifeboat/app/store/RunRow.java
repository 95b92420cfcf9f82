package dev.lifeboat.app.store;

import java.time.Instant;

/** One row of {@code runs}. JSON columns are carried as text. */
public record RunRow(
    String id,
    String planName,
    String planText,
    String planSha256,
    String planJson,
    String mode,
    String params,
    String launcher,
    String status,
    String workflowId,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt) {}
