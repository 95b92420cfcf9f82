package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.command.CommandRequest;
import java.util.List;
import java.util.Objects;

/** {@code command}: the shell command of {@link CommandRequest}, run on a configured host. */
public record CommandStep(String id, StepPolicy policy, CommandRequest request) implements Step {
  public static final String KIND = "command";

  public CommandStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(request, "request");
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }

  @Override
  public CommandStep withPolicy(StepPolicy policy) {
    return new CommandStep(id, policy, request);
  }

  @Override
  public List<String> hosts() {
    return List.of(request.host());
  }
}
