package dev.lifeboat.activities;

/**
 * The failure types every activity uses for {@link io.temporal.failure.ApplicationFailure}. The
 * workflow sets the non-retryable ones on each step's retry options, so bad input and bad
 * configuration fail at once instead of burning retries.
 */
public enum StepFailureType {
  /** A check ran and the system is not in the required state (old backup, wrong row count). */
  CHECK_FAILED(true),
  /** The step's input cannot work as given (missing file, unknown server, bad URL). */
  BAD_INPUT(false),
  /** Lifeboat's own configuration is wrong (server not configured, tool not installed). */
  BAD_CONFIG(false),
  /** A transient problem talking to something (connection refused, timeout); worth retrying. */
  UNAVAILABLE(true),
  /**
   * An external tool (pg_restore, psql, tar) exited non-zero; raised non-retryable ({@link
   * StepFailures#permanent}) when its error says the next attempt would fail alike.
   */
  TOOL_FAILED(true);

  private final boolean retryable;

  StepFailureType(boolean retryable) {
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  /** The type string carried by {@code ApplicationFailure}. */
  public String type() {
    return name();
  }
}
