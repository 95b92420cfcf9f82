package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.util.List;

/**
 * One step of a runbook. The permitted records are the step kinds of the runbook language, each
 * declared in {@link StepKinds}; {@code StepKindsTest} walks them so a new kind cannot be forgotten
 * by the parser, the schema, the workflow or the workers. In JSON a step's {@code kind} is its YAML
 * name ({@link StepTypeIds}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "kind")
@JsonTypeIdResolver(StepTypeIds.class)
public sealed interface Step
    permits VerifyBackupStep,
        RestoreDataStep,
        HealthCheckStep,
        NotifyStep,
        CommandStep,
        StartFailoverStep,
        SqlStep,
        WaitStep {
  /** Unique within the runbook. */
  String id();

  StepPolicy policy();

  /** The YAML spelling of this step's kind, e.g. {@code verify-backup}. */
  String kindName();

  /** The same step with another policy; Java 17 has no record withers. */
  Step withPolicy(StepPolicy policy);

  /**
   * The configured SSH hosts the step runs on; a step that names no site runs at theirs (see {@link
   * StepSites}).
   */
  @JsonIgnore
  default List<String> hosts() {
    return List.of();
  }
}
