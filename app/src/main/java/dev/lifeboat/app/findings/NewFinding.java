package dev.lifeboat.app.findings;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A finding to record: its identity and first owner and due date. {@code run}, {@code step} and
 * {@code objective} may be null.
 */
public record NewFinding(
    String plan,
    String run,
    String step,
    String objective,
    FindingOrigin origin,
    String title,
    String owner,
    LocalDate due) {
  public NewFinding {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(due, "due");
  }
}
