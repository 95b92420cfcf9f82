package dev.lifeboat.workflow.verdict;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A drill's or recovery's verdict, as {@link VerdictJudge} gives it and the {@code run.verdict}
 * event records it: {@code pass} only without a single reason.
 *
 * @param objectives the plan's objectives it was judged against
 */
public record RunVerdict(
    Verdict verdict, List<VerdictReason> reasons, Measured measured, Objectives objectives) {
  public RunVerdict {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(measured, "measured");
    reasons = List.copyOf(reasons);
    if ((verdict == Verdict.PASS) != reasons.isEmpty()) {
      throw new IllegalArgumentException("a run passes exactly when there is no reason to fail");
    }
  }

  /** The plan's objectives, each null when the plan did not say it. */
  public record Objectives(
      @JsonSerialize(using = DurationText.class) Duration rto,
      @JsonSerialize(using = DurationText.class) Duration rpo) {}

  /** {@code pass}, or {@code fail — RTO exceeded by 3m12s (…); step x failed: …}. */
  public String describe() {
    return reasons.isEmpty()
        ? verdict.apiName()
        : verdict.apiName()
            + " — "
            + reasons.stream().map(VerdictReason::message).collect(Collectors.joining("; "));
  }
}
