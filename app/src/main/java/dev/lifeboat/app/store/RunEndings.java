package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.verdict.RunVerdict;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What else is recorded when a run's end is ({@link RunStore}): in the same transaction, once per
 * run (only the write that ends an unfinished run calls it), e.g. the findings the run showed.
 * {@link RunStore} runs it inside a savepoint: when it fails, the run's end is recorded without it.
 */
public interface RunEndings {
  /** Records nothing more. */
  RunEndings NONE = (handle, run, status, events, verdict) -> {};

  /**
   * @param events all the run's events, its end and verdict included
   * @param verdict the run's verdict; empty for a tabletop run or one that could not be judged
   */
  void ended(
      Handle handle,
      RunRow run,
      RunStatus status,
      List<RunEventRow> events,
      Optional<RunVerdict> verdict);
}
