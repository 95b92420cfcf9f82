package dev.lifeboat.workflow.schedule;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a schedule launches a run; each is recorded as its own event type. */
public enum FireKind {
  /** At its fire time. */
  SCHEDULED("fired"),
  /** At start-up, for a fire missed while Lifeboat was down (within the catch-up window). */
  LATE("late_fired"),
  /** Asked for by a person ("run now"). */
  RUN_NOW("run_now_fired");

  private final String eventType;

  FireKind(String eventType) {
    this.eventType = eventType;
  }

  /** The {@code schedule_events.type} of a launch of this kind. */
  public String eventType() {
    return eventType;
  }

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  static FireKind fromJson(String text) {
    for (FireKind kind : values()) {
      if (kind.apiName().equals(text) || kind.name().equals(text)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown fire kind " + text);
  }
}
