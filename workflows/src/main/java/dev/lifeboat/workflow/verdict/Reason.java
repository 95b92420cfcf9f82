package dev.lifeboat.workflow.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** Why a run's verdict is {@code fail}: each {@link VerdictReason} is one of these, in words. */
public enum Reason {
  /** A step failed (one the plan went past with {@code on_failure: continue} too). */
  STEP_FAILED,
  /** The run failed without a step failing (e.g. an operator aborted it). */
  RUN_FAILED,
  RUN_CANCELLED,
  /** The run's workflow was lost before it ended: how it would have ended is unknown. */
  RUN_INTERRUPTED,
  /** The service came back later than the plan's {@code objectives.rto}. */
  RTO_EXCEEDED,
  /** The run never got to where service is back, so the RTO objective could not be shown met. */
  RTO_NOT_MEASURED,
  /** The newest backup verified was older than the plan's {@code objectives.rpo}. */
  RPO_EXCEEDED,
  /** No verify-backup step verified a backup, so the RPO objective could not be shown met. */
  RPO_NOT_MEASURED,
  /** A drill's undo failed, or never ran. */
  CLEANUP_INCOMPLETE,
  /** A precheck: at least one readiness check failed (warnings do not fail a precheck). */
  CHECK_FAILED;

  /** e.g. {@code rto_exceeded}. */
  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Reason fromJson(String text) {
    return Arrays.stream(values())
        .filter(reason -> reason.apiName().equals(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a verdict reason: " + text));
  }
}
