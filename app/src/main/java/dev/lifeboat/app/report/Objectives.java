package dev.lifeboat.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.store.RunVerdictRow;
import dev.lifeboat.workflow.verdict.DurationText;
import java.time.Duration;

/** RTO and RPO: the plan's objectives (from the resolved plan) against the measured values. */
final class Objectives {
  private final RunReport.Objective rto;
  private final RunReport.Objective rpo;

  /** {@code objectives}: the resolved plan's; {@code verdict}: null while the run has none. */
  Objectives(ObjectMapper json, JsonNode objectives, RunVerdictRow verdict) {
    this.rto =
        objective(
            duration(json, objectives.path("rto")),
            verdict == null ? null : verdict.rtoMillis(),
            verdict == null ? null : verdict.rtoStep());
    this.rpo =
        objective(
            duration(json, objectives.path("rpo")),
            verdict == null ? null : verdict.rpoMillis(),
            verdict == null ? null : verdict.rpoBackup());
  }

  RunReport.Objective rto() {
    return rto;
  }

  RunReport.Objective rpo() {
    return rpo;
  }

  private static RunReport.Objective objective(Duration target, Long measured, String against) {
    return new RunReport.Objective(
        target == null ? null : DurationText.of(target),
        target == null ? null : target.toMillis(),
        measured == null ? null : DurationText.of(Duration.ofMillis(measured)),
        measured,
        against,
        target == null || measured == null ? null : measured <= target.toMillis());
  }

  private static Duration duration(ObjectMapper json, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return json.treeToValue(node, Duration.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a recorded objective is not a duration", e);
    }
  }
}
