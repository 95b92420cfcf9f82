package dev.lifeboat.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.workflow.Acknowledgement;
import dev.lifeboat.workflow.Finding;
import dev.lifeboat.workflow.RunState;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.RunbookWorkflow;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.TabletopPrompt;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link RunView}s: live step states from the workflow's query while the run is going,
 * otherwise the same states rebuilt from the record.
 */
public final class RunViews {
  private static final Logger LOG = LoggerFactory.getLogger(RunViews.class);

  private final RunEventDao events;
  private final RunActionDao actions;
  private final StepStatesFromRecord fromRecord;
  private final WorkflowClient client;
  private final ObjectMapper json;

  public RunViews(
      RunEventDao events,
      RunActionDao actions,
      StepStatesFromRecord fromRecord,
      WorkflowClient client,
      ObjectMapper json) {
    this.events = events;
    this.actions = actions;
    this.fromRecord = fromRecord;
    this.client = client;
    this.json = json;
  }

  /** The run without its steps (lists). */
  public RunView summary(RunRow run) {
    return build(run, false, List.of(), List.of(), List.of());
  }

  /** The run with every step's state. */
  public RunView view(RunRow run) {
    Optional<RunState> live = isUnfinished(run) ? query(run) : Optional.empty();
    List<StepState> steps =
        live.map(RunState::steps)
            .orElseGet(() -> fromRecord.project(run.planJson(), events.forRun(run.id())));
    List<RunView.ActionView> asked =
        actions.forRun(run.id()).stream()
            .map(action -> new RunView.ActionView(action.action(), action.actor(), action.at()))
            .toList();
    return build(run, live.isPresent(), steps, asked, Finding.in(steps));
  }

  /** One step as the API shows it. */
  static RunView.StepView stepView(StepState step) {
    TabletopPrompt prompt = step.prompt();
    Acknowledgement ack = step.acknowledgement();
    return new RunView.StepView(
        step.stage(),
        step.stepId(),
        step.kind(),
        step.status().apiName(),
        step.attempt(),
        step.startedAt(),
        step.endedAt(),
        step.summary(),
        prompt == null
            ? null
            : new RunView.PromptView(
                prompt.kind(),
                prompt.fields(),
                prompt.owner(),
                prompt.timeout() == null ? null : Durations.format(prompt.timeout())),
        ack == null
            ? null
            : new RunView.AcknowledgementView(
                ack.by(), ack.outcome().apiName(), ack.notes(), ack.at()),
        step.failedAttempts().stream()
            .map(
                failed ->
                    new RunView.AttemptView(
                        failed.attempt(),
                        failed.at(),
                        failed.activityType(),
                        failed.type(),
                        failed.message()))
            .toList());
  }

  private RunView build(
      RunRow run,
      boolean live,
      List<StepState> steps,
      List<RunView.ActionView> asked,
      List<Finding> findings) {
    return new RunView(
        run.id(),
        run.planName(),
        run.planSha256(),
        run.mode(),
        run.status(),
        run.launcher(),
        parse(run.params()),
        run.createdAt(),
        run.startedAt(),
        run.endedAt(),
        live,
        steps.stream().map(RunViews::stepView).toList(),
        asked,
        findings);
  }

  private static boolean isUnfinished(RunRow run) {
    return !RunStatus.valueOf(run.status().toUpperCase()).isTerminal();
  }

  private Optional<RunState> query(RunRow run) {
    try {
      return Optional.of(client.newWorkflowStub(RunbookWorkflow.class, run.workflowId()).state());
    } catch (RuntimeException e) {
      LOG.debug("run {} could not be queried; showing the record", run.id(), e);
      return Optional.empty();
    }
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recorded params are not JSON", e);
    }
  }
}
