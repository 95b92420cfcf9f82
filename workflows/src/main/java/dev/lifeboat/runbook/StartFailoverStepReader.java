package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code start-failover}: reads {@link StartFailoverStep} and its ordered actions, each exactly one
 * of {@code ssh}, {@code promote} and {@code http} (see {@link FailoverActionReader}).
 */
final class StartFailoverStepReader implements StepReader<StartFailoverStep> {
  @Override
  public List<String> fields() {
    return List.of("actions");
  }

  @Override
  public Optional<StartFailoverStep> read(Input step) {
    int mark = step.problems().count();
    FailoverActionReader reader = new FailoverActionReader(step);
    List<FailoverAction> actions = new ArrayList<>();
    step.fields()
        .required("actions")
        .flatMap(
            field ->
                field.list(
                    "a failover needs at least one action: ssh, promote or http, run in order"))
        .ifPresent(list -> list.forEach(action -> reader.read(action).ifPresent(actions::add)));
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(new StartFailoverStep(step.id(), step.policy(), actions));
  }
}
