package dev.lifeboat.workflow;

import dev.lifeboat.activities.precheck.CheckLine;
import dev.lifeboat.activities.precheck.CheckStatus;
import java.util.List;

/**
 * How a precheck ended: its status ({@code succeeded} when no check failed) and every check, in
 * plan order.
 */
public record PrecheckReport(RunStatus status, List<CheckLine> checks) {
  public PrecheckReport {
    checks = List.copyOf(checks);
  }

  public long count(CheckStatus status) {
    return checks.stream().filter(line -> line.status() == status).count();
  }
}
