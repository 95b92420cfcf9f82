package dev.lifeboat.app.runs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunResumeDao;
import dev.lifeboat.app.store.RunResumeRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.workflow.CarriedStep;
import dev.lifeboat.workflow.Resumption;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resumes a failed, cancelled or interrupted run as a new run linked to it: the same plan version
 * (unless asked for the current one), the same mode and params, the steps of its main stages that
 * succeeded carried over with their recorded results. Everything is read from the record, so a run
 * whose workflow was lost (interrupted) resumes like any other.
 */
public final class RunResumer {
  private static final Set<RunStatus> RESUMABLE =
      EnumSet.of(RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.INTERRUPTED);

  private final PlanCatalog catalog;
  private final RunEventDao events;
  private final RunResumeDao resumes;
  private final StepStatesFromRecord fromRecord;
  private final ResumeLauncher launcher;
  private final ObjectMapper json;

  public RunResumer(
      PlanCatalog catalog,
      RunEventDao events,
      RunResumeDao resumes,
      StepStatesFromRecord fromRecord,
      ResumeLauncher launcher,
      ObjectMapper json) {
    this.catalog = catalog;
    this.events = events;
    this.resumes = resumes;
    this.fromRecord = fromRecord;
    this.launcher = launcher;
    this.json = json;
  }

  /**
   * Starts the run resuming {@code resumed}, launched by {@code resumer} (whose role the caller
   * checked against the run's mode); returns the new run.
   *
   * @param currentPlan run the runbook as it is now instead of the plan the run started from
   */
  public RunRow resume(RunRow resumed, boolean currentPlan, String resumer) {
    refuseUnresumable(resumed);
    Optional<RunbookFile> file = catalog.find(resumed.planName());
    String source = file.map(f -> f.path().toString()).orElse(resumed.planName());
    String text;
    if (currentPlan) {
      text =
          file.map(RunbookFile::text)
              .orElseThrow(
                  () ->
                      Refusal.notFound(
                          "unknown_plan",
                          "no plan named '" + resumed.planName() + "' is loaded now"));
    } else {
      refuseChangedPlan(resumed, file);
      text = resumed.planText();
    }
    String planRunId =
        resumes.resuming(resumed.id()).map(RunResumeRow::planRunId).orElse(resumed.id());
    LaunchRequest request =
        new LaunchRequest(resumed.planName(), resumed.mode(), params(resumed), resumer);
    return launcher.launch(
        new ResumeLaunch(
            source,
            text,
            request,
            planRunId,
            new Resumption(resumed.id(), carried(resumed)),
            currentPlan ? RunResumeRow.CURRENT_PLAN : RunResumeRow.RECORDED_PLAN));
  }

  private void refuseUnresumable(RunRow run) {
    if (run.mode().checksOnly()) {
      throw Refusal.conflict(
          "precheck_not_resumed",
          "run " + run.id() + " is a precheck, which is not resumed; launch a new one");
    }
    if (run.mode() == RunMode.TABLETOP) {
      throw Refusal.conflict(
          "tabletop_not_resumed",
          "run "
              + run.id()
              + " is a tabletop walk-through, which is not resumed; launch a new one");
    }
    if (!run.status().isTerminal()) {
      throw Refusal.conflict(
          "run_not_ended",
          "run "
              + run.id()
              + " is still "
              + run.status().apiName()
              + "; a run is resumed once it has failed, been cancelled or been interrupted");
    }
    if (!RESUMABLE.contains(run.status())) {
      throw Refusal.conflict(
          "run_succeeded",
          "run "
              + run.id()
              + " ended "
              + run.status().apiName()
              + ": its main stages ran to the end, so there is nothing to resume; only a failed,"
              + " cancelled or interrupted run is resumed. Launch a new run instead");
    }
    resumes
        .resumedBy(run.id())
        .ifPresent(
            link -> {
              throw Refusal.conflict(
                  "already_resumed",
                  "run "
                      + run.id()
                      + " was already resumed by run "
                      + link.runId()
                      + "; resume that one instead");
            });
  }

  private static void refuseChangedPlan(RunRow run, Optional<RunbookFile> file) {
    if (file.isEmpty()) {
      throw Refusal.conflict(
          "plan_changed",
          "the runbook of plan '"
              + run.planName()
              + "' is no longer loaded, so run "
              + run.id()
              + " cannot be resumed with the plan it started from on offer; restore the file, or"
              + " send {\"plan\": \"current\"} once a version is loaded");
    }
    String now = Sha256.hex(file.get().text());
    if (!now.equals(run.planSha256())) {
      throw Refusal.conflict(
          "plan_changed",
          "the runbook "
              + file.get().path()
              + " changed since run "
              + run.id()
              + " started (sha256 "
              + run.planSha256().substring(0, 12)
              + "… then, "
              + now.substring(0, 12)
              + "… now); send {\"plan\": \"current\"} to resume with the runbook as it is now");
    }
  }

  /**
   * The run's main-stage steps that succeeded, with the results they recorded, less those whose
   * {@code undo:} ran at the run's end (a drill's cleanup): what they did was undone, so they run
   * again.
   */
  private List<CarriedStep> carried(RunRow run) {
    List<RunEventRow> recorded = events.forRun(run.id());
    JsonNode plan = tree(run.planJson());
    Map<String, String> undoneBy = undoIds(plan);
    Map<String, Object> results = new HashMap<>();
    Set<String> undone = new HashSet<>();
    for (RunEventRow event : recorded) {
      if (event.stepId() == null) {
        continue;
      }
      if (event.type() == RunEventType.STEP_SUCCEEDED) {
        results.put(event.stepId(), read(event.detail()));
      } else if (event.type() == RunEventType.STEP_CARRIED_OVER) {
        results.put(
            event.stepId(), read(event.detail()) instanceof Map<?, ?> c ? c.get("result") : null);
      } else if (event.type() == RunEventType.UNDO_STARTED
          && undoneBy.containsKey(event.stepId())) {
        undone.add(undoneBy.get(event.stepId()));
      }
    }
    Set<String> mainSteps = mainStepIds(plan);
    return fromRecord.project(run.planJson(), recorded).stream()
        .filter(step -> step.status() == StepStatus.SUCCEEDED)
        .filter(step -> mainSteps.contains(step.stepId()))
        .filter(step -> !undone.contains(step.stepId()))
        .map(step -> carried(run, step, results.get(step.stepId())))
        .toList();
  }

  private static CarriedStep carried(RunRow run, StepState step, Object result) {
    return new CarriedStep(
        step.stepId(),
        step.carriedOverFrom() == null ? run.id() : step.carriedOverFrom(),
        step.attempt(),
        step.startedAt(),
        step.endedAt(),
        step.summary(),
        result);
  }

  private static Set<String> mainStepIds(JsonNode plan) {
    Set<String> ids = new HashSet<>();
    plan.path("stages")
        .forEach(stage -> stage.path("steps").forEach(s -> ids.add(s.path("id").asText())));
    return ids;
  }

  /** Each main-stage step's undo id, mapped to the step it undoes. */
  private static Map<String, String> undoIds(JsonNode plan) {
    Map<String, String> undoes = new HashMap<>();
    plan.path("stages")
        .forEach(
            stage ->
                stage
                    .path("steps")
                    .forEach(
                        s -> {
                          JsonNode undo = s.path("policy").path("undo");
                          if (undo.hasNonNull("id")) {
                            undoes.put(undo.path("id").asText(), s.path("id").asText());
                          }
                        }));
    return undoes;
  }

  private Map<String, String> params(RunRow run) {
    try {
      return json.readValue(run.params(), new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the recorded params of run " + run.id() + " are unreadable", e);
    }
  }

  private Object read(String detail) {
    if (detail == null) {
      return null;
    }
    try {
      return json.readValue(detail, Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a recorded step result is not JSON", e);
    }
  }

  private JsonNode tree(String text) {
    try {
      return json.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("the recorded plan is not JSON", e);
    }
  }
}
