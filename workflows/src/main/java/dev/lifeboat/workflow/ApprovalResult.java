package dev.lifeboat.workflow;

import java.util.List;

/**
 * What an approval step ended with, in its {@code step.succeeded} event: who approved, in order.
 */
public record ApprovalResult(List<Decision> approvals) {
  public ApprovalResult {
    approvals = List.copyOf(approvals);
  }
}
