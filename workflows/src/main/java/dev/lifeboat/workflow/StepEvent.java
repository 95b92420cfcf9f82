package dev.lifeboat.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One transition of one step, as the live {@link RunBoard} applies it and as the record replays it
 * from its {@code run_events} ({@link StepStates#apply}).
 *
 * @param type a step event type ({@code step.*}); a run event leaves the step as it is
 * @param at when it happened (workflow time)
 * @param attempt the step's attempt as the event records it; 0 where the event does not say
 * @param message the step's summary after the event: the outcome of an end, the reason of a skip,
 *     who answered a prompt with what; ignored by the other events
 * @param detail for {@code step.prompted} the {@link TabletopPrompt}, for {@code step.acknowledged}
 *     the {@link Acknowledgement}, for {@code step.attempt_failed} the {@link AttemptFailure}
 *     ({@link StepStates#detailType}); ignored otherwise
 */
public record StepEvent(RunEventType type, Instant at, int attempt, String message, Object detail) {
  public StepEvent {
    Objects.requireNonNull(type, "type");
  }
}
