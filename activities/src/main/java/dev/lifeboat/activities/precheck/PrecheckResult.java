package dev.lifeboat.activities.precheck;

import java.util.List;

/** Every check of one step, in the order they ran. */
public record PrecheckResult(List<CheckLine> checks) {
  public PrecheckResult {
    checks = List.copyOf(checks);
  }

  /** The worst status of the checks; {@code ok} when there are none. */
  public CheckStatus worst() {
    return checks.stream().map(CheckLine::status).reduce(CheckStatus.OK, CheckStatus::worse);
  }
}
