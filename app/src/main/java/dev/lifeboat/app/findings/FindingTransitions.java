package dev.lifeboat.app.findings;

import dev.lifeboat.app.refusal.Refusal;

/** The rules of a status change, in the words a refusal gives them. */
final class FindingTransitions {
  private FindingTransitions() {}

  static void check(long id, FindingStatus from, FindingStatus to, String note) {
    if (!from.mayMoveTo(to)) {
      throw Refusal.malformed(
          "illegal_transition",
          "finding "
              + id
              + " is "
              + from.apiName()
              + "; it cannot move to "
              + to.apiName()
              + (from.next().isEmpty()
                  ? " (" + from.apiName() + " is final)"
                  : " (it may move to "
                      + String.join(
                          ", ", from.next().stream().map(FindingStatus::apiName).sorted().toList())
                      + ")"));
    }
    if (to.needsNote() && (note == null || note.isBlank())) {
      throw Refusal.malformed(
          "missing_note",
          to == FindingStatus.CLOSED
              ? "closing a finding needs a note saying what was done"
              : "accepting a risk needs a note giving the reason");
    }
  }
}
