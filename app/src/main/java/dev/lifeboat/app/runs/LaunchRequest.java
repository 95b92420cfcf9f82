package dev.lifeboat.app.runs;

import dev.lifeboat.workflow.RunMode;
import java.util.Map;
import java.util.Objects;

/** A request to run a plan, already checked for shape by the API. */
public record LaunchRequest(
    String planName, RunMode mode, Map<String, String> params, String launcher) {
  public LaunchRequest {
    Objects.requireNonNull(planName, "planName");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(launcher, "launcher");
    params = Map.copyOf(params);
  }
}
