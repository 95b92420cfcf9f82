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

  /** Appends events in order; returns how many were new. */
  public int append(List<RunEventRow> events, List<StatusMove> moves) {
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
