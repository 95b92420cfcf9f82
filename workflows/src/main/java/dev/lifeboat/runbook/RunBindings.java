package dev.lifeboat.runbook;

import java.util.Map;
import java.util.Objects;

/**
 * The values substituted into a runbook when a run starts: {@code ${params.NAME}}, {@code
 * ${run.id}}, {@code ${run.mode}}, {@code ${run.launcher}}, {@code ${plan.name}}.
 *
 * @param params the launcher's raw parameter values, not yet checked against the plan
 */
public record RunBindings(String runId, String mode, String launcher, Map<String, String> params) {
  public RunBindings {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(launcher, "launcher");
    params = Map.copyOf(params);
  }
}
