package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One registered undo and how it went.
 *
 * @param stepId the step it undoes
 * @param undoId the undo step's own id
 * @param status {@code pending} (registered, not run), {@code running}, {@code succeeded}, {@code
 *     failed}, or {@code not_run} (a recovery: undos run only when a commander asks)
 * @param summary what the undo did, or why it failed; null before it ran
 * @param requestedBy in a recovery, the commander who asked for this undo; null otherwise (and left
 *     out of the JSON)
 * @param reason why the commander asked; null when nobody asked
 */
public record UndoState(
    String stepId,
    String undoId,
    String kind,
    String status,
    String summary,
    @JsonInclude(JsonInclude.Include.NON_NULL) String requestedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
  /** An undo nobody asked for (a drill's, or a recovery's not yet requested). */
  public UndoState(String stepId, String undoId, String kind, String status, String summary) {
    this(stepId, undoId, kind, status, summary, null, null);
  }

  UndoState with(String newStatus, String newSummary) {
    return new UndoState(stepId, undoId, kind, newStatus, newSummary, requestedBy, reason);
  }

  /** This undo, asked for by {@code by} for {@code why}, now running. */
  UndoState requested(String by, String why) {
    return new UndoState(stepId, undoId, kind, "running", null, by, why);
  }
}
