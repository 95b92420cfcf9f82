package dev.lifeboat.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.runbook.Runbook;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.util.List;

/**
 * A fresh {@link RunBoard} fed recorded events: the step states the live board shows for them.
 * Public (in the test jar) so the app's tests can hold the view it rebuilds from the record against
 * the live board's.
 */
public final class BoardReplay {
  /** Temporal's mapper: a detail the fake record received is a map, as it travelled as JSON. */
  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private BoardReplay() {}

  /** The plan's steps after {@code events} (run events and events of other runs are ignored). */
  public static List<StepState> steps(Runbook plan, String runId, List<RunEvent> events) {
    RunBoard board = new RunBoard(runId, plan);
    for (RunEvent event : events) {
      if (event.runId().equals(runId) && event.stepId() != null) {
        Object detail =
            StepStates.detailType(event.type())
                .map(type -> (Object) JSON.convertValue(event.detail(), type))
                .orElse(null);
        board.apply(
            event.stepId(),
            new StepEvent(event.type(), event.at(), event.attempt(), event.message(), detail));
      }
    }
    return board.snapshot().steps();
  }
}
