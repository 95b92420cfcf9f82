package dev.lifeboat.app.store;

import java.time.Instant;

/**
 * One row of {@code run_resumes}: run {@code runId} resumes run {@code resumedFrom}.
 *
 * @param planRunId the run whose id {@code ${run.id}} stands for in the plan (the chain's first)
 * @param plan {@code recorded} (the plan text the resumed run started from) or {@code current}
 */
public record RunResumeRow(
    String runId, String resumedFrom, String planRunId, String plan, Instant createdAt) {
  public static final String RECORDED_PLAN = "recorded";
  public static final String CURRENT_PLAN = "current";
}
