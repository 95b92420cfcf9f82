package dev.lifeboat.app.runs;

import dev.lifeboat.workflow.RunMode;
import java.util.Map;
import java.util.Objects;

/**
 * A request to run a plan, already checked for shape by the API. {@code runId} is null for a new
 * random id; a caller that must launch at most once per occasion (a schedule's fire) gives its own,
 * and a second launch with it finds the run already recorded.
 */
public record LaunchRequest(
    String planName, RunMode mode, Map<String, String> params, String launcher, String runId) {
  public LaunchRequest {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(launcher, "launcher");
    params = Map.copyOf(params);
  }

  public LaunchRequest(String planName, RunMode mode, Map<String, String> params, String launcher) {
    this(planName, mode, params, launcher, null);
  }
}
