package dev.lifeboat.workflow;

import dev.lifeboat.runbook.Runbook;
import java.util.Map;
import java.util.Objects;

/**
 * What a run executes: the plan with its parameters already substituted, so the workflow history
 * holds exactly what ran.
 *
 * @param params the resolved parameter values (defaults applied), for notifications and the record
 * @param resumption for a run resuming an earlier one, the steps carried over from it; null for a
 *     run launched afresh (and in every input recorded before resuming existed)
 */
public record RunInput(
    String runId,
    Runbook plan,
    RunMode mode,
    Map<String, String> params,
    String launcher,
    Resumption resumption) {
  public RunInput {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(launcher, "launcher");
    params = Map.copyOf(params);
  }

  /** A run launched afresh. */
  public RunInput(
      String runId, Runbook plan, RunMode mode, Map<String, String> params, String launcher) {
    this(runId, plan, mode, params, launcher, null);
  }
}
