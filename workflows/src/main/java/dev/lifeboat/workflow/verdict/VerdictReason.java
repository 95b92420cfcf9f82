package dev.lifeboat.workflow.verdict;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One reason a run failed its verdict, with the figures it rests on.
 *
 * @param message the reason in words, e.g. {@code RTO exceeded by 3m12s (achieved 18m12s, objective
 *     15m)}
 * @param step the step it is about (a failed step), else null
 * @param undos the steps whose undo failed or never ran ({@code cleanup_incomplete}), else empty
 * @param exceededBy how far past the objective ({@code rto_exceeded}, {@code rpo_exceeded})
 * @param measured what was measured ({@code rto_exceeded}, {@code rpo_exceeded})
 * @param objective the plan's objective it is compared with (the {@code _exceeded} and {@code
 *     _not_measured} reasons)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerdictReason(
    Reason reason,
    String message,
    String step,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> undos,
    @JsonSerialize(using = DurationText.class) Duration exceededBy,
    @JsonSerialize(using = DurationText.class) Duration measured,
    @JsonSerialize(using = DurationText.class) Duration objective) {
  public VerdictReason {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    undos = undos == null ? List.of() : List.copyOf(undos);
  }

  static VerdictReason of(Reason reason, String message) {
    return new VerdictReason(reason, message, null, List.of(), null, null, null);
  }

  static VerdictReason stepFailed(String step, String summary) {
    return new VerdictReason(
        Reason.STEP_FAILED,
        "step " + step + " failed" + (summary == null ? "" : ": " + summary),
        step,
        List.of(),
        null,
        null,
        null);
  }

  /** {@code RTO exceeded by 3m12s (achieved 18m12s, objective 15m)}. */
  static VerdictReason exceeded(Reason reason, String what, Duration measured, Duration objective) {
    Duration by = measured.minus(objective);
    return new VerdictReason(
        reason,
        what
            + " exceeded by "
            + DurationText.of(by)
            + " ("
            + (reason == Reason.RTO_EXCEEDED ? "achieved " : "observed ")
            + DurationText.of(measured)
            + ", objective "
            + DurationText.of(objective)
            + ")",
        null,
        List.of(),
        by,
        measured,
        objective);
  }

  static VerdictReason notMeasured(Reason reason, String what, Duration objective, String why) {
    return new VerdictReason(
        reason,
        what + " not measured (objective " + DurationText.of(objective) + "): " + why,
        null,
        List.of(),
        null,
        null,
        objective);
  }

  static VerdictReason cleanupIncomplete(String how, List<String> undos) {
    return new VerdictReason(
        Reason.CLEANUP_INCOMPLETE,
        "cleanup incomplete: " + how + " (" + String.join(", ", undos) + ")",
        null,
        undos,
        null,
        null,
        null);
  }
}
