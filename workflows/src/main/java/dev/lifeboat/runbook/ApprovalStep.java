package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * {@code approval}: a human gate the workflow holds itself, with no activity. The step waits until
 * {@code approvers} distinct people holding {@code role} (never the run's launcher) approve it, and
 * fails at the first rejection. Its policy's {@code timeout} is how long it waits; when that passes
 * the {@code escalate} message (if any) is sent and the step fails, or keeps waiting when {@code
 * onTimeout} says {@link ApprovalTimeout#WAIT}.
 *
 * @param escalate the notify sent when the timeout passes; null when the plan names none
 */
public record ApprovalStep(
    String id,
    StepPolicy policy,
    int approvers,
    ApproverRole role,
    @JsonInclude(JsonInclude.Include.NON_NULL) NotifyStep escalate,
    ApprovalTimeout onTimeout)
    implements Step {
  public static final String KIND = "approval";

  /** More than this is a plan that cannot be approved in an incident. */
  public static final int MAX_APPROVERS = 10;

  public ApprovalStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(onTimeout, "onTimeout");
    if (approvers < 1 || approvers > MAX_APPROVERS) {
      throw new IllegalArgumentException("approvers must be 1 to " + MAX_APPROVERS);
    }
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }

  @Override
  public ApprovalStep withPolicy(StepPolicy policy) {
    return new ApprovalStep(id, policy, approvers, role, escalate, onTimeout);
  }
}
