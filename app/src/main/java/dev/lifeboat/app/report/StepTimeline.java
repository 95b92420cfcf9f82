package dev.lifeboat.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.report.RunReport.Attempt;
import dev.lifeboat.app.report.RunReport.StepReport;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.workflow.AttemptFailure;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.verdict.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run's steps with their attempts, from the step states rebuilt from the record and the events
 * themselves (which know where each attempt's and each end's full output is stored).
 */
final class StepTimeline {
  /** Enough of an outcome to recognise it; the full output is one link away. */
  static final int EXCERPT = 200;

  private static final Set<RunEventType> ENDS =
      Set.of(
          RunEventType.STEP_SUCCEEDED,
          RunEventType.STEP_FAILED,
          RunEventType.STEP_SKIPPED,
          RunEventType.STEP_INTERRUPTED,
          RunEventType.STEP_ACKNOWLEDGED,
          RunEventType.STEP_CARRIED_OVER);

  private final ObjectMapper json;
  private final String eventsUrl;

  /** {@code eventsUrl}: the run's events' address, e.g. {@code https://lb/api/runs/ID/events}. */
  StepTimeline(ObjectMapper json, String eventsUrl) {
    this.json = json;
    this.eventsUrl = eventsUrl;
  }

  List<StepReport> steps(List<StepState> states, List<RunEventRow> events) {
    // Grouped once: a run of a thousand steps has thousands of events.
    Map<String, List<RunEventRow>> byStep =
        events.stream()
            .filter(event -> event.stepId() != null)
            .collect(Collectors.groupingBy(RunEventRow::stepId));
    return states.stream()
        .map(state -> step(state, byStep.getOrDefault(state.stepId(), List.of())))
        .toList();
  }

  private StepReport step(StepState state, List<RunEventRow> own) {
    String endUrl =
        own.stream()
            .filter(event -> ENDS.contains(event.type()))
            .reduce((first, second) -> second)
            .map(this::url)
            .orElse(null);
    List<Attempt> attempts = new ArrayList<>();
    Instant attemptStart = state.startedAt();
    List<AttemptFailure> seen = new ArrayList<>();
    for (RunEventRow event : own) {
      if (event.type() != RunEventType.STEP_ATTEMPT_FAILED) {
        continue;
      }
      AttemptFailure failure = read(event.detail());
      if (seen.stream().anyMatch(s -> sameAttempt(s, failure))) {
        continue; // a repeated report of one attempt, as StepStates ignores it
      }
      seen.add(failure);
      attempts.add(
          attempt(
              state,
              failure.attempt(),
              failure.activityType(),
              attemptStart,
              failure.at(),
              "failed",
              failure.type() + ": " + failure.message(),
              url(event)));
      attemptStart = failure.at();
    }
    boolean lastFailureEndedIt = state.status() == StepStatus.FAILED && !seen.isEmpty();
    if (!lastFailureEndedIt && state.status() != StepStatus.PENDING) {
      attempts.add(
          attempt(
              state,
              Math.max(state.attempt(), seen.size() + 1),
              null,
              attemptStart,
              state.endedAt(),
              state.status().apiName(),
              state.summary(),
              endUrl));
    }
    Duration took = between(state.startedAt(), state.endedAt());
    return new StepReport(
        state.stage(),
        state.stepId(),
        state.kind(),
        state.status().apiName(),
        state.startedAt(),
        state.endedAt(),
        took == null ? null : DurationText.of(took),
        took == null ? null : took.toMillis(),
        excerpt(state.summary()),
        endUrl,
        state.acknowledgement() == null
            ? null
            : new RunReport.Acknowledgement(
                state.acknowledgement().by(),
                state.acknowledgement().outcome().apiName(),
                state.acknowledgement().notes(),
                state.acknowledgement().at()),
        List.copyOf(attempts),
        state.carriedOverFrom());
  }

  private static Attempt attempt(
      StepState state,
      int number,
      String activity,
      Instant start,
      Instant end,
      String outcome,
      String text,
      String outputUrl) {
    Duration took = between(start, end);
    return new Attempt(
        state.stage(),
        state.stepId(),
        number,
        activity,
        start,
        end,
        took == null ? null : DurationText.of(took),
        took == null ? null : took.toMillis(),
        outcome,
        excerpt(text),
        outputUrl);
  }

  private static boolean sameAttempt(AttemptFailure one, AttemptFailure other) {
    return one.attempt() == other.attempt() && Objects.equals(one.activityId(), other.activityId());
  }

  private String url(RunEventRow event) {
    return eventsUrl + "/" + event.seq();
  }

  static String excerpt(String text) {
    if (text == null || text.length() <= EXCERPT) {
      return text;
    }
    return text.substring(0, EXCERPT) + "…";
  }

  private static Duration between(Instant start, Instant end) {
    return start == null || end == null ? null : Duration.between(start, end);
  }

  private AttemptFailure read(String detail) {
    try {
      return json.readValue(detail, AttemptFailure.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a recorded attempt failure is not readable", e);
    }
  }
}
