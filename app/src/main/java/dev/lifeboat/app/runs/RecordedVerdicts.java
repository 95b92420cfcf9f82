package dev.lifeboat.app.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunJudge;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.runbook.VerifyBackupStep;
import dev.lifeboat.workflow.CleanupState;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.verdict.RunFacts;
import dev.lifeboat.workflow.verdict.RunFacts.BackupFact;
import dev.lifeboat.workflow.verdict.RunFacts.CleanupFact;
import dev.lifeboat.workflow.verdict.RunFacts.StepFact;
import dev.lifeboat.workflow.verdict.RunVerdict;
import dev.lifeboat.workflow.verdict.VerdictJudge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gathers a run's {@link RunFacts} from its record alone (the resolved plan and the events) and has
 * {@link VerdictJudge} judge them: the same for a run its workflow ended and one the reconciler
 * marked interrupted. Step states are rebuilt as every view of the record rebuilds them ({@link
 * StepStatesFromRecord}).
 */
public final class RecordedVerdicts implements RunJudge {
  /** The stage name undo events carry (the workflow's cleanup). */
  private static final String CLEANUP_STAGE = "cleanup";

  private final ObjectMapper json;
  private final StepStatesFromRecord steps;

  public RecordedVerdicts(ObjectMapper json) {
    this.json = json;
    this.steps = new StepStatesFromRecord(json);
  }

  @Override
  public Optional<RunVerdict> judge(RunRow run, RunStatus status, List<RunEventRow> events) {
    return VerdictJudge.judge(facts(run, status, events));
  }

  RunFacts facts(RunRow run, RunStatus status, List<RunEventRow> events) {
    JsonNode plan = tree(run.planJson());
    return new RunFacts(
        run.mode(),
        status,
        events.stream()
            .filter(event -> event.type() == RunEventType.RUN_STARTED)
            .map(RunEventRow::at)
            .findFirst()
            .orElse(run.startedAt()),
        new RunVerdict.Objectives(
            duration(plan.path("objectives").path("rto")),
            duration(plan.path("objectives").path("rpo"))),
        stepFacts(run, plan, events),
        backups(events),
        cleanup(plan, events));
  }

  private List<StepFact> stepFacts(RunRow run, JsonNode plan, List<RunEventRow> events) {
    Map<String, JsonNode> policies = new HashMap<>();
    Set<String> finallySteps = new LinkedHashSet<>();
    plan.path("stages")
        .forEach(
            stage ->
                stage
                    .path("steps")
                    .forEach(step -> policies.put(step.path("id").asText(), step.path("policy"))));
    plan.path("finally")
        .forEach(
            stage ->
                stage
                    .path("steps")
                    .forEach(
                        step -> {
                          policies.put(step.path("id").asText(), step.path("policy"));
                          finallySteps.add(step.path("id").asText());
                        }));
    List<StepFact> facts = new ArrayList<>();
    for (StepState step : steps.project(run.planJson(), events)) {
      JsonNode policy = policies.getOrDefault(step.stepId(), json.missingNode());
      JsonNode modes = policy.path("modes");
      boolean runsInMode = true;
      if (modes.isArray()) {
        runsInMode = false;
        for (JsonNode mode : modes) {
          runsInMode |= mode.asText().equals(run.mode().apiName());
        }
      }
      facts.add(
          new StepFact(
              step.stepId(),
              step.stage(),
              finallySteps.contains(step.stepId()),
              policy.path("restoresService").asBoolean(false),
              runsInMode,
              step.status(),
              step.endedAt(),
              step.summary()));
    }
    return facts;
  }

  /** Every backup a verify-backup step of the plan's stages verified (its step succeeded). */
  private List<BackupFact> backups(List<RunEventRow> events) {
    List<BackupFact> backups = new ArrayList<>();
    for (RunEventRow event : events) {
      if (event.type() != RunEventType.STEP_SUCCEEDED
          || !VerifyBackupStep.KIND.equals(event.kind())
          || CLEANUP_STAGE.equals(event.stage())
          || event.detail() == null) {
        continue;
      }
      JsonNode result = tree(event.detail());
      Duration age = duration(result.path("observedRpo"));
      if (age != null) {
        backups.add(
            new BackupFact(
                event.stepId(),
                result.path("path").textValue(),
                instant(result.path("takenAt")),
                result.path("ageSource").textValue(),
                age));
      }
    }
    return backups;
  }

  /**
   * How the cleanup ended, as its last {@code run.cleanup} says; when none was recorded but undos
   * were registered (the run was interrupted first), pending with every step whose undo it owed.
   */
  private CleanupFact cleanup(JsonNode plan, List<RunEventRow> events) {
    Map<String, String> undoneBy = new HashMap<>();
    plan.path("stages")
        .forEach(
            stage ->
                stage
                    .path("steps")
                    .forEach(
                        step ->
                            undoneBy.put(
                                step.path("policy").path("undo").path("id").asText(),
                                step.path("id").asText())));
    CleanupFact found = null;
    List<String> registered = new ArrayList<>();
    for (RunEventRow event : events) {
      if (event.type() == RunEventType.UNDO_REGISTERED) {
        registered.add(undoneBy.getOrDefault(event.stepId(), event.stepId()));
      } else if (event.type() == RunEventType.RUN_CLEANUP && event.detail() != null) {
        CleanupState state = read(event.detail(), CleanupState.class);
        found = new CleanupFact(state.status(), state.incomplete());
      }
    }
    if (found == null && !registered.isEmpty()) {
      return new CleanupFact("pending", registered);
    }
    return found;
  }

  private Duration duration(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : convert(node, Duration.class);
  }

  private Instant instant(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : convert(node, Instant.class);
  }

  private <T> T convert(JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the record holds an unreadable " + type.getSimpleName(), e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the record holds an unreadable " + type.getSimpleName(), e);
    }
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the record holds JSON that does not parse", e);
    }
  }
}
