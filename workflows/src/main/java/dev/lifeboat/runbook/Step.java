package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One step of a runbook. The permitted kinds are the step kinds of the runbook language; a test
 * walks them so a new kind cannot be forgotten by the parser, the schema or the workflow.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = VerifyBackupStep.class, name = VerifyBackupStep.KIND),
  @JsonSubTypes.Type(value = RestoreDataStep.class, name = RestoreDataStep.KIND),
  @JsonSubTypes.Type(value = HealthCheckStep.class, name = HealthCheckStep.KIND),
  @JsonSubTypes.Type(value = NotifyStep.class, name = NotifyStep.KIND),
  @JsonSubTypes.Type(value = CommandStep.class, name = CommandStep.KIND),
  @JsonSubTypes.Type(value = StartFailoverStep.class, name = StartFailoverStep.KIND)
})
public sealed interface Step
    permits VerifyBackupStep,
        RestoreDataStep,
        HealthCheckStep,
        NotifyStep,
        CommandStep,
        StartFailoverStep {
  /** Unique within the runbook. */
  String id();

  StepPolicy policy();

  /** The YAML spelling of this step's kind, e.g. {@code verify-backup}. */
  String kindName();
}
