package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * {@code start-failover}: {@link FailoverAction}s run one after another, each as its own activity
 * call, stopping at the first that fails.
 */
public record StartFailoverStep(String id, StepPolicy policy, List<FailoverAction> actions)
    implements Step {
  public static final String KIND = "start-failover";

  public StartFailoverStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    actions = List.copyOf(actions);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("start-failover: at least one action is required");
    }
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }

  @Override
  public StartFailoverStep withPolicy(StepPolicy policy) {
    return new StartFailoverStep(id, policy, actions);
  }

  @Override
  public List<String> hosts() {
    return actions.stream()
        .filter(action -> action.ssh() != null)
        .map(action -> action.ssh().host())
        .toList();
  }
}
