package dev.lifeboat.runbook;

import java.util.List;
import java.util.Optional;

/**
 * {@code approval}: reads {@link ApprovalStep}. Its {@code escalate:} is a notify's fields ({@code
 * channel}, {@code url}, {@code message}), read as a notify step is.
 */
final class ApprovalStepReader implements StepReader<ApprovalStep> {
  private final NotifyStepReader notify = new NotifyStepReader();

  @Override
  public List<String> fields() {
    return List.of("approvers", "role", "escalate", "on_timeout");
  }

  @Override
  public Optional<ApprovalStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    int approvers =
        fields
            .optional("approvers")
            .flatMap(f -> f.integer(1, ApprovalStep.MAX_APPROVERS))
            .map(Long::intValue)
            .orElse(1);
    ApproverRole role =
        fields
            .optional("role")
            .flatMap(f -> f.choice(ApproverRole.values()))
            .orElse(ApproverRole.COMMANDER);
    ApprovalTimeout onTimeout =
        fields
            .optional("on_timeout")
            .flatMap(f -> f.choice(ApprovalTimeout.values()))
            .orElse(ApprovalTimeout.FAIL);
    Optional<NotifyStep> escalate =
        fields.optional("escalate").flatMap(Field::map).flatMap(map -> escalation(step, map));
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(
        new ApprovalStep(
            step.id(), step.policy(), approvers, role, escalate.orElse(null), onTimeout));
  }

  private Optional<NotifyStep> escalation(Input step, YamlMap map) {
    map.allow(notify.fields());
    // Sent once, from the approval step: it has its own id and the step's policy, never a pause.
    StepPolicy policy =
        new StepPolicy(StepPolicy.DEFAULT_TIMEOUT, Retry.DEFAULT, OnFailure.CONTINUE, null, null);
    return notify.read(
        new Input(
            step.id() + "-escalate",
            policy,
            map,
            step.references(),
            step.rpo(),
            step.knownHosts(),
            step.problems(),
            step.knownServers()));
  }
}
