package dev.lifeboat.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.runs.TemporalRunLauncher;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunResumeDao;
import dev.lifeboat.app.store.RunResumeRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunVerdictDao;
import dev.lifeboat.app.store.RunVerdictRow;
import dev.lifeboat.app.temporal.WorkflowQueries;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.workflow.Acknowledgement;
import dev.lifeboat.workflow.CleanupState;
import dev.lifeboat.workflow.Finding;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunState;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.TabletopPrompt;
import dev.lifeboat.workflow.verdict.DurationText;
import dev.lifeboat.workflow.verdict.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds {@link RunView}s: live step states from the workflow's query while the run is going,
 * otherwise the same states rebuilt from the record.
 */
public final class RunViews {
  private static final Logger LOG = LoggerFactory.getLogger(RunViews.class);

  /** The name of {@code RunbookWorkflow.state()}: a query is named after its method. */
  static final String STATE_QUERY = "state";

  private final RunEventDao events;
  private final RunActionDao actions;
  private final RunResumeDao resumes;
  private final StepStatesFromRecord fromRecord;
  private final WorkflowQueries queries;
  private final ObjectMapper json;
  private final RunVerdictDao verdicts;

  public RunViews(
      RunEventDao events,
      RunActionDao actions,
      RunResumeDao resumes,
      StepStatesFromRecord fromRecord,
      WorkflowQueries queries,
      ObjectMapper json,
      RunVerdictDao verdicts) {
    this.events = events;
    this.actions = actions;
    this.resumes = resumes;
    this.fromRecord = fromRecord;
    this.queries = queries;
    this.json = json;
    this.verdicts = verdicts;
  }

  /** The run without its steps (lists). */
  public RunView summary(RunRow run) {
    return summaries(List.of(run)).get(0);
  }

  /** The runs without their steps (lists), their verdicts read in one query. */
  public List<RunView> summaries(List<RunRow> runs) {
    List<String> ended =
        runs.stream().filter(r -> r.status().isTerminal()).map(RunRow::id).toList();
    Map<String, RunVerdictRow> judged =
        ended.isEmpty()
            ? Map.of()
            : verdicts.of(ended).stream()
                .collect(Collectors.toMap(RunVerdictRow::runId, Function.identity()));
    return runs.stream()
        .map(
            run ->
                build(
                    run,
                    run.status(),
                    RunView.Source.RECORD,
                    null,
                    List.of(),
                    List.of(),
                    null,
                    Links.NONE,
                    judged.get(run.id())))
        .toList();
  }

  /**
   * The run with every step's state: while it is going, as its workflow answers (within the query
   * deadline); otherwise, or when the workflow does not answer, rebuilt from the record.
   */
  public RunView view(RunRow run) {
    if (run.status().isTerminal()) {
      return fromRecord(run, null);
    }
    try {
      RunState live = queries.ask(run.workflowId(), STATE_QUERY, RunState.class);
      // Paused is live only: the record keeps the run running while a step awaits a decision.
      RunStatus status = live.status() == RunStatus.PAUSED ? RunStatus.PAUSED : run.status();
      return build(
          run,
          status,
          RunView.Source.LIVE,
          null,
          live.steps(),
          asked(run),
          live.cleanup(),
          links(run),
          null);
    } catch (WorkflowQueries.Unanswered unanswered) {
      LOG.debug("run {} could not be queried; showing the record", run.id(), unanswered);
      return fromRecord(
          run,
          "the run's workflow did not answer: "
              + unanswered.getMessage()
              + "; the steps are rebuilt from the record, which may lack the last step end");
    }
  }

  /**
   * A run while the record cannot be read: its workflow's own answer, when it gives one in time,
   * without what only the record knows (plan, mode, launcher, params, who asked what).
   */
  public Optional<RunView> withoutRecord(String runId) {
    try {
      RunState live =
          queries.ask(TemporalRunLauncher.workflowId(runId), STATE_QUERY, RunState.class);
      List<StepState> steps = live.steps();
      return Optional.of(
          new RunView(
              runId,
              null,
              null,
              null,
              live.status(),
              null,
              null,
              null,
              live.startedAt(),
              live.endedAt(),
              true,
              RunView.Source.LIVE,
              "the record cannot be reached just now, so this is the run's workflow's own answer;"
                  + " plan, mode, launcher, params and actions are in the record and not shown",
              steps.stream().map(RunViews::stepView).toList(),
              List.of(),
              Finding.in(steps),
              live.cleanup() == null ? null : live.cleanup().describe(),
              live.cleanup() == null ? List.of() : live.cleanup().undos(),
              null,
              null,
              null,
              null,
              null,
              json.createArrayNode()));
    } catch (WorkflowQueries.Unanswered unanswered) {
      LOG.debug("run {} could not be queried either", runId, unanswered);
      return Optional.empty();
    }
  }

  /** One step as the API shows it. */
  static RunView.StepView stepView(StepState step) {
    TabletopPrompt prompt = step.prompt();
    Acknowledgement ack = step.acknowledgement();
    return new RunView.StepView(
        step.stage(),
        step.stepId(),
        step.kind(),
        step.status(),
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
            .toList(),
        step.decisions(),
        step.carriedOverFrom());
  }

  private RunView fromRecord(RunRow run, String note) {
    List<RunEventRow> recorded = events.forRun(run.id());
    List<StepState> steps = fromRecord.project(run.planJson(), recorded);
    RunVerdictRow verdict =
        run.status().isTerminal()
            ? verdicts.of(List.of(run.id())).stream().findFirst().orElse(null)
            : null;
    boolean awaitingDecision =
        steps.stream().anyMatch(step -> step.status() == StepStatus.AWAITING_DECISION);
    RunStatus status =
        !run.status().isTerminal() && awaitingDecision ? RunStatus.PAUSED : run.status();
    return build(
        run,
        status,
        RunView.Source.RECORD,
        note,
        steps,
        asked(run),
        cleanupIn(recorded),
        links(run),
        verdict);
  }

  /** Which run a run resumes and which resumed it; null where none. */
  private record Links(String resumedFrom, String resumedBy) {
    static final Links NONE = new Links(null, null);
  }

  private Links links(RunRow run) {
    return new Links(
        resumes.resuming(run.id()).map(RunResumeRow::resumedFrom).orElse(null),
        resumes.resumedBy(run.id()).map(RunResumeRow::runId).orElse(null));
  }

  private List<RunView.ActionView> asked(RunRow run) {
    return actions.forRun(run.id()).stream()
        .map(action -> new RunView.ActionView(action.action(), action.actor(), action.at()))
        .toList();
  }

  private RunView build(
      RunRow run,
      RunStatus status,
      RunView.Source source,
      String note,
      List<StepState> steps,
      List<RunView.ActionView> asked,
      CleanupState cleanup,
      Links links,
      RunVerdictRow verdict) {
    return new RunView(
        run.id(),
        run.planName(),
        run.planSha256(),
        run.mode(),
        status,
        run.launcher(),
        parse(run.params()),
        run.createdAt(),
        run.startedAt(),
        run.endedAt(),
        source == RunView.Source.LIVE,
        source,
        note,
        steps.stream().map(RunViews::stepView).toList(),
        asked,
        Finding.in(steps),
        cleanup == null ? null : cleanup.describe(),
        cleanup == null ? List.of() : cleanup.undos(),
        links.resumedFrom(),
        links.resumedBy(),
        objectives(run),
        verdict == null
            ? null
            : new RunView.MeasuredView(
                text(verdict.rtoMillis()),
                text(verdict.rpoMillis()),
                verdict.rtoStep(),
                verdict.rpoBackup()),
        verdict == null ? null : Verdict.fromApiName(verdict.verdict()).orElse(null),
        verdict == null ? json.createArrayNode() : parse(verdict.reasons()));
  }

  /** The plan's objectives, from the resolved plan the run received. */
  private RunView.ObjectivesView objectives(RunRow run) {
    JsonNode objectives = parse(run.planJson()).path("objectives");
    return new RunView.ObjectivesView(
        objective(objectives.path("rto")), objective(objectives.path("rpo")));
  }

  private String objective(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    try {
      return DurationText.of(json.treeToValue(node, Duration.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a recorded objective is not a duration", e);
    }
  }

  private static String text(Long millis) {
    return millis == null ? null : DurationText.of(Duration.ofMillis(millis));
  }

  /**
   * The cleanup the record holds: the last run.cleanup event's, or pending if undos were
   * registered.
   */
  private CleanupState cleanupIn(List<RunEventRow> recorded) {
    CleanupState found = null;
    boolean registered = false;
    for (RunEventRow event : recorded) {
      if (event.type() == RunEventType.UNDO_REGISTERED) {
        registered = true;
      } else if (event.type() == RunEventType.RUN_CLEANUP && event.detail() != null) {
        try {
          found = json.readValue(event.detail(), CleanupState.class);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException("a recorded cleanup is not readable", e);
        }
      }
    }
    if (found == null && registered) {
      return new CleanupState("pending", List.of(), List.of());
    }
    return found;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recorded JSON does not parse", e);
    }
  }
}
