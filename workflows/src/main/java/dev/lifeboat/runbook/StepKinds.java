package dev.lifeboat.runbook;

import java.util.List;
import java.util.Optional;

/** The step kinds of the runbook language, in the order the reference documents them. */
final class StepKinds {
  static final List<StepKind> ALL =
      List.of(
          new VerifyBackupStepReader(),
          new RestoreDataStepReader(),
          new HealthCheckStepReader(),
          new NotifyStepReader(),
          new CommandStepReader(),
          new StartFailoverStepReader());

  private StepKinds() {}

  static Optional<StepKind> find(String name) {
    return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst();
  }

  static List<String> names() {
    return ALL.stream().map(StepKind::name).toList();
  }
}
