package dev.lifeboat.workflow;

/**
 * One registered undo and how it went.
 *
 * @param stepId the step it undoes
 * @param undoId the undo step's own id
 * @param status {@code pending} (registered, not run), {@code running}, {@code succeeded}, {@code
 *     failed}, or {@code not_run} (a recovery: undos run only when a commander asks)
 * @param summary what the undo did, or why it failed; null before it ran
 */
public record UndoState(String stepId, String undoId, String kind, String status, String summary) {
  UndoState with(String newStatus, String newSummary) {
    return new UndoState(stepId, undoId, kind, newStatus, newSummary);
  }
}
