package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.PostgresServer;

/**
 * Decides, from what this step itself observed, whether a server is to be promoted or already was.
 * A server's timeline alone cannot tell: after any real failover every server is on a timeline
 * above 1, so a primary named by mistake would look "already promoted". Only a server this step saw
 * in recovery, and whose timeline has since moved on, was promoted by this step.
 */
final class PromoteGuard {
  /** What to do with the server. */
  enum Decision {
    PROMOTE,
    /** An earlier attempt of this step promoted it: check that it accepts writes, nothing more. */
    ALREADY_PROMOTED
  }

  private PromoteGuard() {}

  /**
   * @param before the server as an earlier attempt of this step first saw it, or null on the first
   *     attempt
   * @param now the server as it is
   */
  static Decision decide(
      String name, PostgresServer server, ServerObservation before, ServerObservation now) {
    String who = "PostgreSQL server '" + name + "' (" + server.host() + ":" + server.port() + ")";
    if (before == null || !before.inRecovery()) {
      if (now.inRecovery()) {
        return Decision.PROMOTE;
      }
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          who
              + " is a primary, not a standby: it is not in recovery ("
              + now.describe()
              + ", system identifier "
              + now.systemIdentifier()
              + ") and this step has not seen it as a standby, so there is nothing to promote;"
              + " check that the step names the standby. If it was promoted already (by an"
              + " earlier run or by hand), skip this step saying so");
    }
    if (!before.systemIdentifier().equals(now.systemIdentifier())) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          who
              + " is not the server this step first observed: system identifier "
              + before.systemIdentifier()
              + " then, "
              + now.systemIdentifier()
              + " now; the configured address reaches another cluster");
    }
    if (now.inRecovery()) {
      return Decision.PROMOTE; // the earlier attempt ended before promotion took: ask again
    }
    if (now.timeline() > before.timeline()) {
      return Decision.ALREADY_PROMOTED;
    }
    throw StepFailures.permanent(
        StepFailureType.CHECK_FAILED,
        who
            + " left recovery but is "
            + now.describe()
            + ", not past timeline "
            + before.timeline()
            + " where this step first saw it as a standby: a promotion always starts a new"
            + " timeline, so it was not promoted (restarted without standby.signal?); check it by"
            + " hand");
  }
}
