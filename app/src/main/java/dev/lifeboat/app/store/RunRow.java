package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;

/**
 * One row of {@code runs}. JSON columns are carried as text; mode and status are stored by their
 * API names ({@link StateColumns}).
 */
public record RunRow(
    String id,
    String planName,
    String planText,
    String planSha256,
    String planJson,
    RunMode mode,
    String params,
    String launcher,
    RunStatus status,
    String workflowId,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt) {}
