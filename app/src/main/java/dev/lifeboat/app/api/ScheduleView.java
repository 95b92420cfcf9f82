package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.app.schedules.ScheduleEventRow;
import dev.lifeboat.app.schedules.ScheduleRow;
import java.time.Instant;
import java.util.List;

/** A schedule as the API shows it: its definition, state, next fires and (one schedule) events. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScheduleView(
    String id,
    String plan,
    String mode,
    String cron,
    String zone,
    JsonNode params,
    String overlap,
    boolean paused,
    boolean deleted,
    String owner,
    String createdBy,
    Instant createdAt,
    String deletedBy,
    Instant deletedAt,
    List<Instant> nextFires,
    List<Event> events) {

  /** One recorded change or fire. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Event(
      long seq, String type, Instant at, String actor, Instant fireAt, String run, String message) {
    static Event of(ScheduleEventRow row) {
      return new Event(
          row.seq(), row.type(), row.at(), row.actor(), row.fireAt(), row.runId(), row.message());
    }
  }

  static ScheduleView of(
      ScheduleRow row, JsonNode params, List<Instant> nextFires, List<ScheduleEventRow> events) {
    return new ScheduleView(
        row.id(),
        row.plan(),
        row.mode(),
        row.cron(),
        row.zone(),
        params,
        row.overlap(),
        row.paused(),
        !row.live(),
        row.owner(),
        row.createdBy(),
        row.createdAt(),
        row.deletedBy(),
        row.deletedAt(),
        nextFires,
        events == null ? null : events.stream().map(Event::of).toList());
  }
}
