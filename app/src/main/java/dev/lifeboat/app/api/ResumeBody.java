package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/runs/{id}/resume}, which may be left out: {@code {"plan":
 * "current"}} resumes with the runbook as it is now instead of the plan the run started from.
 */
public record ResumeBody(boolean currentPlan) {
  static final ResumeBody RECORDED_PLAN = new ResumeBody(false);

  @JsonCreator
  static ResumeBody read(@JsonProperty("plan") String plan) {
    if (plan == null) {
      return RECORDED_PLAN;
    }
    if (!plan.equals("current")) {
      throw new ApiException(
          400,
          "bad_plan",
          "plan may only be \"current\" (resume with the runbook as it is now); leave it out to"
              + " resume with the plan the run started from; got '"
              + Names.shortened(plan)
              + "'");
    }
    return new ResumeBody(true);
  }
}
