package dev.lifeboat.app.findings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a finding is on its way to closure, and where it may go next: open → in progress → closed
 * (with a closing note) or accepted risk (with the reason). Closed and accepted risk are final: a
 * finding that comes back is a new finding.
 */
public enum FindingStatus {
  OPEN,
  IN_PROGRESS,
  CLOSED,
  ACCEPTED_RISK;

  /** The statuses this one may move to. */
  public Set<FindingStatus> next() {
    return switch (this) {
      case OPEN -> Set.of(IN_PROGRESS, CLOSED, ACCEPTED_RISK);
      case IN_PROGRESS -> Set.of(CLOSED, ACCEPTED_RISK);
      case CLOSED, ACCEPTED_RISK -> Set.of();
    };
  }

  public boolean mayMoveTo(FindingStatus to) {
    return next().contains(to);
  }

  /** Still to be dealt with: counts as overdue once its due date has passed. */
  public boolean isOpen() {
    return this == OPEN || this == IN_PROGRESS;
  }

  /** Moving here needs a note: the closing note, or the reason the risk is accepted. */
  public boolean needsNote() {
    return this == CLOSED || this == ACCEPTED_RISK;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FindingStatus> parse(String text) {
    return Arrays.stream(values()).filter(s -> s.apiName().equals(text)).findFirst();
  }

  /** {@code open, in_progress, closed, accepted_risk}, for error messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(FindingStatus::apiName).toList());
  }
}
