package dev.lifeboat.app.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/** One day's check, as of {@code at} (the workflow's time, so a retry judges the same moment). */
public record OverdueCheck(Instant at) {
  public OverdueCheck {
    Objects.requireNonNull(at, "at");
  }

  /** The UTC day the notices are sent for: at most one per plan, mode and day. */
  public LocalDate day() {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
