package dev.lifeboat.app.compliance;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a plan is exercised in one mode as often as its {@code exercise:} policy owes.
 *
 * @param every the policy's interval, in the runbook's spelling ({@code 90d})
 * @param lastPassAt when the newest passing run of the mode ended; null when none ever passed
 * @param dueAt when the next passing run is owed; null when none ever passed (owed already)
 * @param status {@code covered}, {@code overdue}, or {@code never} (owed and never passed)
 * @param overdueDays days (started) past {@code dueAt}; null unless {@code overdue}
 * @param nextScheduled the next run a schedule will launch in this mode; null when none will
 * @param unscheduled no schedule will launch a run in time: none at all, or, while covered, none
 *     before {@code dueAt}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModeCoverage(
    String mode,
    String every,
    Instant lastPassAt,
    String lastPassRun,
    Instant dueAt,
    String status,
    Long overdueDays,
    Instant nextScheduled,
    boolean unscheduled) {
  public static final String COVERED = "covered";
  public static final String OVERDUE = "overdue";
  public static final String NEVER = "never";

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  /** The coverage at {@code now} of a mode owed {@code every}, passed last by {@code pass}. */
  static ModeCoverage of(
      String mode,
      Duration every,
      String everyText,
      Optional<RunMark> pass,
      Optional<Instant> nextFire,
      Instant now) {
    Instant due = pass.map(run -> run.at().plus(every)).orElse(null);
    String status = due == null ? NEVER : now.isAfter(due) ? OVERDUE : COVERED;
    Long days =
        OVERDUE.equals(status)
            ? (Duration.between(due, now).toMillis() + DAY_MILLIS - 1) / DAY_MILLIS
            : null;
    boolean unscheduled =
        nextFire.isEmpty() || (COVERED.equals(status) && nextFire.get().isAfter(due));
    return new ModeCoverage(
        mode,
        everyText,
        pass.map(RunMark::at).orElse(null),
        pass.map(RunMark::runId).orElse(null),
        due,
        status,
        days,
        nextFire.orElse(null),
        unscheduled);
  }

  /** Owed and not passed in time: overdue, or never passed at all. */
  public boolean owed() {
    return !COVERED.equals(status);
  }
}
