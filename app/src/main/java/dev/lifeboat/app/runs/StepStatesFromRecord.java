package dev.lifeboat.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.workflow.StepEvent;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds each step's state from the record alone: the resolved plan lists the steps, the events
 * move them through {@link StepStates#apply}, the very function that moves them on the live run
 * board. Used for runs whose workflow is no longer queryable (ended, or lost with the embedded
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
        steps.put(event.stepId(), StepStates.apply(before, stepEvent(event)));
      }
    }
    return new ArrayList<>(steps.values());
  }

  private StepEvent stepEvent(RunEventRow event) {
    Object detail =
        StepStates.detailType(event.type()).map(type -> read(event.detail(), type)).orElse(null);
    return new StepEvent(event.type(), event.at(), event.attempt(), event.message(), detail);
  }

  /** A recorded detail as {@link StepStates} reads it; null when the event has none. */
  private Object read(String detail, Class<?> type) {
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
