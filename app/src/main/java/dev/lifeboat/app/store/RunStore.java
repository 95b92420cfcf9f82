package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes run transitions: the event is appended and, for a run transition, the run's status moves,
 * in one transaction so the two never disagree.
 */
public final class RunStore {
  private final Jdbi jdbi;

  public RunStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Appends events in order; returns how many were new. Step events alone (most writes: one per
   * stage) go without BEGIN/COMMIT, saving a round trip on every stage: the batch is one implicit
   * transaction, and a retried write appends nothing twice anyway.
   */
  public int append(List<RunEventRow> events, List<StatusMove> moves) {
    if (moves.isEmpty()) {
      return events.isEmpty()
          ? 0
          : jdbi.withHandle(
              handle -> Arrays.stream(handle.attach(RunEventDao.class).append(events)).sum());
    }
    return jdbi.inTransaction(
        handle -> {
          RunEventDao eventDao = handle.attach(RunEventDao.class);
          RunDao runDao = handle.attach(RunDao.class);
          int appended = events.isEmpty() ? 0 : Arrays.stream(eventDao.append(events)).sum();
          for (StatusMove move : moves) {
            runDao.moveStatus(
                move.runId(), move.status().apiName(), move.startedAt(), move.endedAt());
          }
          return appended;
        });
  }

  /** A run status change; {@code startedAt}/{@code endedAt} are set only when still empty. */
  public record StatusMove(String runId, RunStatus status, Instant startedAt, Instant endedAt) {}
}
