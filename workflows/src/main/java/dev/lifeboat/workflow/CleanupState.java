package dev.lifeboat.workflow;

import java.util.List;

/**
 * The run's cleanup: its registered undos, newest last, and how they went.
 *
 * @param status {@code pending} while the run goes on, {@code complete} when every undo succeeded
 *     (or there was none), {@code incomplete} when one failed, {@code not_run} in a recovery
 * @param incomplete the ids of the steps whose undo failed
 */
public record CleanupState(String status, List<String> incomplete, List<UndoState> undos) {
  public CleanupState {
    incomplete = List.copyOf(incomplete);
    undos = List.copyOf(undos);
  }

  /** {@code complete}, {@code incomplete (a, b)}, {@code pending} or {@code not_run}. */
  public String describe() {
    return incomplete.isEmpty() ? status : status + " (" + String.join(", ", incomplete) + ")";
  }
}
