package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.Optional;

/**
 * The plan's coverage policy, {@code exercise: {tabletop_every: 180d, drill_every: 90d}}: how often
 * a passing run of each mode is owed. Either may be left out (that mode is owed never).
 *
 * @param tabletopEvery the longest time allowed between two passing tabletops, or null
 * @param drillEvery the longest time allowed between two passing drills, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exercise(Duration tabletopEvery, Duration drillEvery) {
  static final String TABLETOP_EVERY = "tabletop_every";
  static final String DRILL_EVERY = "drill_every";

  public Exercise {
    if (tabletopEvery == null && drillEvery == null) {
      throw new IllegalArgumentException("an exercise policy names tabletop_every or drill_every");
    }
  }

  /** How often a passing run of {@code mode} ({@code tabletop}, {@code drill}) is owed, if ever. */
  public Optional<Duration> every(String mode) {
    return switch (mode) {
      case "tabletop" -> Optional.ofNullable(tabletopEvery);
      case "drill" -> Optional.ofNullable(drillEvery);
      default -> Optional.empty();
    };
  }
}
