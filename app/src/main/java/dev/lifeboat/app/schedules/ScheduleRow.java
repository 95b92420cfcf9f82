package dev.lifeboat.app.schedules;

import java.time.Instant;

/**
 * One row of {@code schedules}. {@code mode} and {@code overlap} are their API spellings, {@code
 * params} JSON text (launch values, never a secret: secrets are references such as {@code
 * env:NAME}). {@code deletedAt} null means live.
 */
public record ScheduleRow(
    String id,
    String plan,
    String mode,
    String cron,
    String zone,
    String params,
    String overlap,
    boolean paused,
    String owner,
    String createdBy,
    Instant createdAt,
    String deletedBy,
    Instant deletedAt) {
  public boolean live() {
    return deletedAt == null;
  }
}
