package dev.lifeboat.app.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.auth.TokenRegistry;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.store.RunEndings;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.AckOutcome;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.verdict.RunVerdict;
import dev.lifeboat.workflow.verdict.VerdictReason;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The findings a run's end shows, recorded with its end (once: the write that ends the run is the
 * only one that calls this, and the findings' unique key holds against a retried one). Owner: the
 * plan's {@code owner}; due: {@code defaultDue} after the run's end (UTC days).
 *
 * <ul>
 *   <li>tabletop: each step acknowledged with a gap, or never acknowledged (among the steps that
 *       apply to tabletops), is a {@code tabletop_gap};
 *   <li>every mode: each failed step is a {@code failed_step}; each step a person decided to skip
 *       is a {@code skipped_step};
 *   <li>drill and recovery, from the verdict: an RTO or RPO exceeded or not measured is a {@code
 *       missed_objective}; each step whose undo failed or never ran an {@code incomplete_cleanup}.
 * </ul>
 */
public final class RunFindings implements RunEndings {
  private static final int TITLE_LIMIT = 200;

  private final FindingStore store;
  private final StepStatesFromRecord steps;
  private final ObjectMapper json;
  private final Duration defaultDue;

  public RunFindings(FindingStore store, ObjectMapper json, Duration defaultDue) {
    this.store = store;
    this.steps = new StepStatesFromRecord(json);
    this.json = json;
    this.defaultDue = defaultDue;
  }

  @Override
  public void ended(
      Handle handle,
      RunRow run,
      RunStatus status,
      List<RunEventRow> events,
      Optional<RunVerdict> verdict) {
    JsonNode plan = tree(run.planJson());
    String owner = plan.path("owner").asText(run.launcher());
    LocalDate due = store.today().plusDays(defaultDue.toDays());
    for (Found found : found(run, plan, events, verdict)) {
      store.record(
          handle,
          new NewFinding(
              run.planName(),
              run.id(),
              found.step(),
              found.objective(),
              found.origin(),
              title(found.title()),
              owner,
              due),
          TokenRegistry.SYSTEM);
    }
  }

  private record Found(FindingOrigin origin, String step, String objective, String title) {}

  private List<Found> found(
      RunRow run, JsonNode plan, List<RunEventRow> events, Optional<RunVerdict> verdict) {
    List<Found> found = new ArrayList<>();
    Set<String> notInMode = notInMode(plan, run.mode());
    for (StepState step : steps.project(run.planJson(), events)) {
      String id = step.stepId();
      if (step.status() == StepStatus.FAILED) {
        found.add(new Found(FindingOrigin.FAILED_STEP, id, null, failed(id, step.summary())));
      } else if (step.decisions().stream().anyMatch(d -> d.decision().equals("skip"))) {
        found.add(new Found(FindingOrigin.SKIPPED_STEP, id, null, "Step " + id + " was skipped"));
      } else if (run.mode() == RunMode.TABLETOP && !notInMode.contains(id)) {
        tabletop(step).ifPresent(found::add);
      }
    }
    for (VerdictReason reason : verdict.map(RunVerdict::reasons).orElse(List.of())) {
      switch (reason.reason()) {
        case RTO_EXCEEDED, RTO_NOT_MEASURED -> found.add(objective("rto", reason));
        case RPO_EXCEEDED, RPO_NOT_MEASURED -> found.add(objective("rpo", reason));
        case CLEANUP_INCOMPLETE ->
            reason
                .undos()
                .forEach(
                    step ->
                        found.add(
                            new Found(
                                FindingOrigin.INCOMPLETE_CLEANUP,
                                step,
                                null,
                                "The undo of step "
                                    + step
                                    + " did not complete: "
                                    + reason.message())));
        default -> {} // failed steps are found above; a cancelled or aborted run is no finding
      }
    }
    return found;
  }

  private static Optional<Found> tabletop(StepState step) {
    String id = step.stepId();
    if (step.status() == StepStatus.ACKNOWLEDGED) {
      return step.acknowledgement().outcome() == AckOutcome.GAP
          ? Optional.of(
              new Found(
                  FindingOrigin.TABLETOP_GAP,
                  id,
                  null,
                  "Gap in step " + id + ": " + step.acknowledgement().notes()))
          : Optional.empty();
    }
    if (step.status() == StepStatus.SUCCEEDED) {
      return Optional.empty(); // a read-only step the tabletop ran for real
    }
    return Optional.of(
        new Found(FindingOrigin.TABLETOP_GAP, id, null, "Step " + id + " was not acknowledged"));
  }

  private static Found objective(String which, VerdictReason reason) {
    return new Found(FindingOrigin.MISSED_OBJECTIVE, null, which, reason.message());
  }

  private static String failed(String id, String summary) {
    return "Step " + id + " failed" + (summary == null ? "" : ": " + summary);
  }

  /** The steps whose {@code modes:} leave out the run's mode: they never apply to it. */
  private static Set<String> notInMode(JsonNode plan, RunMode mode) {
    Set<String> ids = new HashSet<>();
    for (String part : List.of("stages", "finally")) {
      for (JsonNode stage : plan.path(part)) {
        for (JsonNode step : stage.path("steps")) {
          JsonNode modes = step.path("policy").path("modes");
          if (modes.isArray()) {
            boolean in = false;
            for (JsonNode m : modes) {
              in |= m.asText().equals(mode.apiName());
            }
            if (!in) {
              ids.add(step.path("id").asText());
            }
          }
        }
      }
    }
    return ids;
  }

  private static String title(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > TITLE_LIMIT ? line.substring(0, TITLE_LIMIT - 1) + "…" : line;
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the recorded plan is not JSON", e);
    }
  }
}
