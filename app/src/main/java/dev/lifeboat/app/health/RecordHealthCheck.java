package dev.lifeboat.app.health;

import com.codahale.metrics.health.HealthCheck;
import dev.lifeboat.app.store.RecordWrites;

/**
 * Unhealthy while the workflow's writes to the record fail (the record database is down or refuses
 * them); runs then wait at their next transition, retrying, and go on once a write lands. Healthy
 * again as soon as one does.
 */
public final class RecordHealthCheck extends HealthCheck {
  private final RecordWrites writes;

  public RecordHealthCheck(RecordWrites writes) {
    this.writes = writes;
  }

  @Override
  protected Result check() {
    return writes
        .failing()
        .map(
            failing ->
                Result.unhealthy(
                    "record writes failing since %s (%d failed attempts, last: %s); runs wait"
                        + " at their next step and retry until a write lands",
                    failing.since(), failing.attempts(), failing.why()))
        .orElseGet(
            () ->
                Result.healthy(
                    writes
                        .lastLanded()
                        .map(at -> "last write landed at " + at)
                        .orElse("no write needed yet")));
  }
}
