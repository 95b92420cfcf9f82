package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code wait}: reads {@link WaitStep}; its {@code duration} is a duration like any other. */
final class WaitStepReader implements StepReader<WaitStep> {
  @Override
  public List<String> fields() {
    return List.of("duration");
  }

  @Override
  public Optional<WaitStep> read(Input step) {
    int mark = step.problems().count();
    Optional<Duration> duration = step.fields().required("duration").flatMap(Field::duration);
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(new WaitStep(step.id(), step.policy(), duration.get()));
  }
}
