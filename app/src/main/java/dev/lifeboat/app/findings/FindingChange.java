package dev.lifeboat.app.findings;

import java.time.LocalDate;

/**
 * What a person changes of a finding, each part optional (null: unchanged): its status (with the
 * closing note or accepted risk's reason), its owner, its due date. Each part that changes anything
 * is one event of the finding's history.
 */
public record FindingChange(FindingStatus status, String note, String owner, LocalDate due) {
  public boolean isEmpty() {
    return status == null && owner == null && due == null;
  }
}
