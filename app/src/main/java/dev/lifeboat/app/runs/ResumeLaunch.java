package dev.lifeboat.app.runs;

import dev.lifeboat.workflow.Resumption;
import java.util.Objects;

/**
 * A run resuming another, as {@link RunResumer} prepared it for {@link TemporalRunLauncher}.
 *
 * @param source where the plan text came from, for problems (the plan's file)
 * @param planText the plan the new run runs: the text the resumed run started from, or the current
 *     file's with {@code "plan": "current"}
 * @param request the resumed run's plan, mode and params, launched by the resumer
 * @param planRunId the run whose id {@code ${run.id}} stands for (the first of the chain)
 * @param plan {@code recorded} or {@code current}, as recorded in the link
 */
public record ResumeLaunch(
    String source,
    String planText,
    LaunchRequest request,
    String planRunId,
    Resumption resumption,
    String plan) {
  public ResumeLaunch {
    Objects.requireNonNull(planText, "planText");
    Objects.requireNonNull(planRunId, "planRunId");
    Objects.requireNonNull(resumption, "resumption");
  }
}
