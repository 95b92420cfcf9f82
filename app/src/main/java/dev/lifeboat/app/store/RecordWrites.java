package dev.lifeboat.app.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How the workflow's writes to the record are going: when the last one landed, or since when they
 * have been failing, how many attempts failed and why. The record activity reports every attempt;
 * the {@code record} health check reads it. Thread-safe: writes of many runs report at once.
 */
public final class RecordWrites {
  /**
   * Writes failing since {@code since}: {@code attempts} failed, the last because of {@code why}.
   */
  public record Failing(Instant since, long attempts, String why) {}

  private final Clock clock;
  private Instant lastLanded;
  private Failing failing;

  public RecordWrites(Clock clock) {
    this.clock = clock;
  }

  public synchronized void landed() {
    lastLanded = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    failing = null;
  }

  public synchronized void failed(Throwable error) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    failing =
        failing == null
            ? new Failing(now, 1, why(error))
            : new Failing(failing.since(), failing.attempts() + 1, why(error));
  }

  /** Present while the latest attempt failed. */
  public synchronized Optional<Failing> failing() {
    return Optional.ofNullable(failing);
  }

  public synchronized Optional<Instant> lastLanded() {
    return Optional.ofNullable(lastLanded);
  }

  /**
   * The driver's own words, e.g. "PSQLException: Connection to 127.0.0.1:54329 refused. …": the
   * innermost SQLException of the chain, else its root cause. Never the outer exceptions, whose
   * text holds the batch statement with the events' values.
   */
  private static String why(Throwable error) {
    Throwable root = error;
    Throwable sql = null;
    for (int depth = 0; depth < 20; depth++) {
      if (root instanceof SQLException) {
        sql = root;
      }
      if (root.getCause() == null || root.getCause() == root) {
        break;
      }
      root = root.getCause();
    }
    Throwable chosen = sql == null ? root : sql;
    String message = chosen.getMessage() == null ? "" : ": " + chosen.getMessage();
    String why = chosen.getClass().getSimpleName() + message;
    return why.length() > 300 ? why.substring(0, 300) + "…" : why;
  }
}
