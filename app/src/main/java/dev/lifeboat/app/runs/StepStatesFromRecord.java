package dev.lifeboat.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.workflow.Acknowledgement;
import dev.lifeboat.workflow.AttemptFailure;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.TabletopPrompt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds each step's state from the record alone: the resolved plan lists the steps, the events
 * move them. Used for runs whose workflow is no longer queryable (ended, or lost with the embedded
 * server), so an auditor sees the same thing the live query showed, tabletop prompts and
 * acknowledgements, {@code finally:} stages and every failed attempt included.
 */
public final class StepStatesFromRecord {
  private final ObjectMapper json;

  public StepStatesFromRecord(ObjectMapper json) {
    this.json = json;
  }

  public List<StepState> project(String planJson, List<RunEventRow> events) {
    Map<String, StepState> steps = new LinkedHashMap<>();
    JsonNode plan = readTree(planJson);
    List<JsonNode> stages = new ArrayList<>();
    plan.path("stages").forEach(stages::add);
    plan.path("finally").forEach(stages::add);
    for (JsonNode stage : stages) {
      String stageName = stage.path("name").asText();
      for (JsonNode step : stage.path("steps")) {
        String id = step.path("id").asText();
        steps.put(id, StepState.pending(stageName, id, step.path("kind").asText()));
      }
    }
    for (RunEventRow event : events) {
      StepState before = event.stepId() == null ? null : steps.get(event.stepId());
      if (before != null) {
        steps.put(event.stepId(), apply(before, event));
      }
    }
    return new ArrayList<>(steps.values());
  }

  private StepState apply(StepState step, RunEventRow event) {
    return switch (event.type()) {
      case "step.prompted" ->
          new StepState(
              step.stage(),
              step.stepId(),
              step.kind(),
              StepStatus.AWAITING_ACK,
              0,
              event.at(),
              null,
              null,
              read(event.detail(), TabletopPrompt.class),
              null);
      case "step.acknowledged" ->
          new StepState(
              step.stage(),
              step.stepId(),
              step.kind(),
              StepStatus.ACKNOWLEDGED,
              0,
              step.startedAt(),
              event.at(),
              event.message(),
              step.prompt(),
              read(event.detail(), Acknowledgement.class));
      case "step.started" ->
          new StepState(
              step.stage(),
              step.stepId(),
              step.kind(),
              StepStatus.RUNNING,
              Math.max(1, event.attempt()),
              event.at(),
              null,
              null,
              null,
              null);
      case "step.attempt_failed" ->
          step.withFailedAttempt(read(event.detail(), AttemptFailure.class));
      case "step.succeeded" -> ended(step, StepStatus.SUCCEEDED, event);
      case "step.failed" -> ended(step, StepStatus.FAILED, event);
      case "step.skipped" -> ended(step, StepStatus.SKIPPED, event);
      case "step.interrupted" -> ended(step, StepStatus.INTERRUPTED, event);
      default -> step;
    };
  }

  private static StepState ended(StepState step, StepStatus status, RunEventRow event) {
    return new StepState(
        step.stage(),
        step.stepId(),
        step.kind(),
        status,
        event.attempt() > 0 ? event.attempt() : step.attempt(),
        step.startedAt(),
        event.at(),
        event.message(),
        step.prompt(),
        null,
        step.failedAttempts());
  }

  /** A tabletop event's detail; null when the event has none. */
  private <T> T read(String detail, Class<T> type) {
    if (detail == null) {
      return null;
    }
    try {
      return json.readValue(detail, type);
    } catch (IOException e) {
      throw new UncheckedIOException("a recorded " + type.getSimpleName() + " is not readable", e);
    }
  }

  private JsonNode readTree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("the recorded plan is not JSON", e);
    }
  }
}
