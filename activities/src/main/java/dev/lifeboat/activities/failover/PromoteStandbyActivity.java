package dev.lifeboat.activities.failover;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code start-failover} with {@code promote}: turns a streaming PostgreSQL standby into a primary
 * with {@code pg_promote()} and returns once it accepts writes, reporting the replay lag it had.
 *
 * <p>Idempotent within the step: before promoting, the step records what it saw (system identifier,
 * timeline, in recovery) in its heartbeat details, which Temporal hands to the next attempt; a
 * retry whose server has left recovery on a later timeline than that observation succeeds with
 * {@code alreadyPrimary}. A server this step never saw in recovery is a primary named by mistake,
 * whatever its timeline, and the step fails at once (BAD_INPUT, not retried); so does a new run
 * naming a server that an earlier run promoted (skip the step instead). A different system
 * identifier on a retry (the name now reaches another cluster) is BAD_CONFIG.
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
