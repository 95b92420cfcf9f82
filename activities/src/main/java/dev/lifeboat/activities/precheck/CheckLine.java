package dev.lifeboat.activities.precheck;

import java.util.Objects;

/**
 * One readiness check of one step: what was checked and what was measured, e.g. {@code backup
 * /var/backups/app.dump} / {@code backup age 3h12m (rpo 24h), sha256 verified}. Never holds a
 * secret's value: checks name references only.
 *
 * @param check what was checked, e.g. {@code ssh db1}, {@code server replica}, {@code secret
 *     env:LB_TOKEN}
 * @param measured what was found, with the measured value
 */
public record CheckLine(String stepId, String check, CheckStatus status, String measured) {
  public CheckLine {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(measured, "measured");
  }

  static CheckLine ok(String stepId, String check, String measured) {
    return new CheckLine(stepId, check, CheckStatus.OK, measured);
  }

  static CheckLine warn(String stepId, String check, String measured) {
    return new CheckLine(stepId, check, CheckStatus.WARN, measured);
  }

  static CheckLine fail(String stepId, String check, String measured) {
    return new CheckLine(stepId, check, CheckStatus.FAIL, measured);
  }

  /** {@code fail promote server replica: a primary (pg_is_in_recovery false)}, for the CLI. */
  public String format() {
    return String.format("%-4s  %s  %s: %s", status.apiName(), stepId, check, measured);
  }
}
