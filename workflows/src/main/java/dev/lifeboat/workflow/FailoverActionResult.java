package dev.lifeboat.workflow;

import dev.lifeboat.activities.HumanUnits;
import dev.lifeboat.activities.command.CommandResult;
import dev.lifeboat.activities.failover.HttpActionResult;
import dev.lifeboat.activities.failover.PromoteStandbyResult;

/**
 * What one action of a {@code start-failover} step did: its activity's result (one of {@code ssh},
 * {@code promote}, {@code http} is set) and a short line for the step's summary.
 *
 * @param action what the action was, e.g. {@code ssh standby-1}
 * @param summary what it did, e.g. {@code ssh standby-1 exit 0}
 */
public record FailoverActionResult(
    String action,
    String summary,
    CommandResult ssh,
    PromoteStandbyResult promote,
    HttpActionResult http) {

  static FailoverActionResult ssh(String action, String host, CommandResult result) {
    return new FailoverActionResult(
        action, "ssh " + host + " exit " + result.exitCode(), result, null, null);
  }

  static FailoverActionResult promote(String action, PromoteStandbyResult result) {
    String summary =
        result.alreadyPrimary()
            ? result.server() + " was already promoted" + lsn(result)
            : "promoted "
                + result.server()
                + lsn(result)
                + " (replay lag "
                + (result.replayLagBytes() < 0
                    ? "unknown"
                    : HumanUnits.bytes(result.replayLagBytes()))
                + ")";
    return new FailoverActionResult(action, summary, null, result, null);
  }

  static FailoverActionResult http(String action, HttpActionResult result) {
    return new FailoverActionResult(action, action + " → " + result.status(), null, null, result);
  }

  private static String lsn(PromoteStandbyResult result) {
    return result.promotedAtLsn() == null ? "" : " at LSN " + result.promotedAtLsn();
  }
}
