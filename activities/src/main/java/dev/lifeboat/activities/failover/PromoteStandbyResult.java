package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.StepResult;
import java.time.Duration;

/**
 * What {@code start-failover} did to a PostgreSQL standby.
 *
 * @param alreadyPrimary the server had been promoted before this attempt (a retry, or a resumed
 *     run); nothing was done apart from checking that it accepts writes
 * @param replayLagBytes WAL received but not yet replayed when promotion was asked for; -1 when
 *     unknown (already primary, or the standby was not streaming)
 * @param replayLagTime how far replay trailed the primary's last commit when promotion was asked
 *     for; zero when replay had caught up with what was received; null when unknown
 * @param promotedAtLsn where the new timeline begins (the end of replay); null when the server
 *     cannot tell any more (it was restarted since, and the history file is not readable)
 * @param tookToAcceptWrites from asking for promotion until a write succeeded
 */
public record PromoteStandbyResult(
    String server,
    boolean alreadyPrimary,
    long replayLagBytes,
    Duration replayLagTime,
    String promotedAtLsn,
    Duration tookToAcceptWrites,
    String summary)
    implements StepResult {}
