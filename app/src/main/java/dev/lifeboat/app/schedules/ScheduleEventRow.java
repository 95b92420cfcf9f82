package dev.lifeboat.app.schedules;

import java.time.Instant;

/**
 * One append-only {@code schedule_events} row. {@code seq} is 0 until recorded; {@code fireAt} and
 * {@code runId} are set for fires and skips only.
 */
public record ScheduleEventRow(
    long seq,
    String scheduleId,
    String type,
    Instant at,
    String actor,
    Instant fireAt,
    String runId,
    String message) {}
