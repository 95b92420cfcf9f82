package dev.lifeboat.activities.precheck;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one readiness check came out, worst last, so the worst of several is the greatest. */
public enum CheckStatus {
  /** The step would find what it needs. */
  OK,
  /** The step would run, but something is close to failing (e.g. a backup near its RPO). */
  WARN,
  /** The step would fail as things are now. */
  FAIL;

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public CheckStatus worse(CheckStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
