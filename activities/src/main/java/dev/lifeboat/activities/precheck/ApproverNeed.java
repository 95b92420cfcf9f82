package dev.lifeboat.activities.precheck;

import java.util.Objects;

/**
 * An approval step's need: {@code approvers} distinct people holding at least {@code role}.
 *
 * @param role the role's API name, e.g. {@code commander}
 */
public record ApproverNeed(String role, int approvers) {
  public ApproverNeed {
    Objects.requireNonNull(role, "role");
    if (approvers < 1) {
      throw new IllegalArgumentException("approvers must be at least 1");
    }
  }
}
