package dev.lifeboat.activities.failover;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code start-failover} with {@code promote}: turns a streaming PostgreSQL standby into a primary
 * with {@code pg_promote()} and returns once it accepts writes, reporting the replay lag it had.
 *
 * <p>Idempotent: a server that is no longer in recovery and has left timeline 1 was promoted
 * before, so a retried or resumed step succeeds with {@code alreadyPrimary}. A server that is not
 * in recovery and still on timeline 1 has never been a promoted standby: that is a primary named by
 * mistake, and the step fails at once (BAD_INPUT, not retried).
 *
 * <p>Timeouts: waits at most {@code waitForWrites} for the server to accept writes, heartbeating
 * each poll, then fails with CHECK_FAILED saying what it last saw. Set the activity's
 * start-to-close timeout above {@code waitForWrites} plus connection time.
 */
@ActivityInterface
public interface PromoteStandbyActivity {
  @ActivityMethod
  PromoteStandbyResult promoteStandby(PromoteStandbyRequest request);
}
