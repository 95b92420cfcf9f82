package dev.lifeboat.app.findings;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A finding's state after an event: the {@code detail} of each {@code finding_events} row, so the
 * current state is the last event's. {@code note} is the note of the last status change that had
 * one (closing note, accepted risk's reason, or why work started).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingState(String status, String owner, LocalDate due, String note) {
  FindingState withStatus(FindingStatus to, String newNote) {
    return new FindingState(to.apiName(), owner, due, newNote == null ? note : newNote);
  }

  FindingState withOwner(String newOwner) {
    return new FindingState(status, newOwner, due, note);
  }

  FindingState withDue(LocalDate newDue) {
    return new FindingState(status, owner, newDue, note);
  }

  FindingStatus current() {
    return FindingStatus.parse(status)
        .orElseThrow(
            () -> new IllegalStateException("the record holds a finding status " + status));
  }
}
