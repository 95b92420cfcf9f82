package dev.lifeboat.workflow;

import dev.lifeboat.runbook.Runbook;
import java.util.Map;
import java.util.Objects;

/**
 * What a run executes: the plan with its parameters already substituted, so the workflow history
 * holds exactly what ran.
 *
 * @param params the resolved parameter values (defaults applied), for notifications and the record
 */
public record RunInput(
    String runId, Runbook plan, RunMode mode, Map<String, String> params, String launcher) {
  public RunInput {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(launcher, "launcher");
    params = Map.copyOf(params);
  }
}
