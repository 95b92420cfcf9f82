package dev.lifeboat.app.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.Sha256;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.refusal.Refusal;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunActionRow;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunResumeRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.runbook.DrillGuard;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.runbook.RunbookProblem;
import dev.lifeboat.workflow.PrecheckWorkflow;
import dev.lifeboat.workflow.Resumption;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunInput;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.RunbookWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches a run: resolves the plan with the launch values, records the run, then starts its
 * workflow. The record comes first, so a run can never exist in Temporal without a row; if the
 * start fails the row is closed as failed with the reason.
 */
public final class TemporalRunLauncher implements RunLauncher, ResumeLauncher, LaunchCheck {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalRunLauncher.class);
  private static final String UNIQUE_VIOLATION = "23505";

  private final PlanCatalog catalog;
  private final RunbookParser parser;
  private final DrillGuard drills;
  private final RunDao runs;
  private final RunActionDao actions;
  private final RunStore store;
  private final WorkflowClient client;
  private final String taskQueue;
  private final ObjectMapper json;
  private final Clock clock;

  public TemporalRunLauncher(
      PlanCatalog catalog,
      RunbookParser parser,
      DrillGuard drills,
      RunDao runs,
      RunActionDao actions,
      RunStore store,
      WorkflowClient client,
      String taskQueue,
      ObjectMapper json,
      Clock clock) {
    this.catalog = catalog;
    this.parser = parser;
    this.drills = drills;
    this.runs = runs;
    this.actions = actions;
    this.store = store;
    this.client = client;
    this.taskQueue = taskQueue;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public RunRow launch(LaunchRequest request) {
    RunbookFile file = plan(request.planName());
    String runId = request.runId() != null ? request.runId() : UUID.randomUUID().toString();
    RunInput input = resolve(runId, runId, file.path().toString(), file.text(), request, null);
    RunRow row = row(file.text(), input);
    runs.insertUnlessActive(row, blocking(input))
        .ifPresent(
            active -> {
              throw busy(input, active);
            });
    start(row, input);
    return row;
  }

  private RunbookFile plan(String name) {
    return catalog
        .find(name)
        .orElseThrow(
            () ->
                Refusal.notFound(
                    "unknown_plan", "no plan named '" + name + "'; plans: " + catalog.names()));
  }

  /**
   * Refuses {@code request} exactly as {@link #launch(LaunchRequest)} would for its plan and values
   * (404 unknown plan, 422 values the plan does not accept or a drill touching production), and
   * records and starts nothing: a schedule is checked with it when it is made.
   */
  @Override
  public void check(LaunchRequest request) {
    RunbookFile file = plan(request.planName());
    String runId = UUID.randomUUID().toString();
    resolve(runId, runId, file.path().toString(), file.text(), request, null);
  }

  /**
   * Launches a run resuming another: the plan resolved with the resumed run's values, recorded
   * together with the link to the run it resumes (a second resume of that run is refused, 409),
   * then started.
   */
  @Override
  public RunRow launch(ResumeLaunch launch) {
    String runId = UUID.randomUUID().toString();
    RunInput input =
        resolve(
            runId,
            launch.planRunId(),
            launch.source(),
            launch.planText(),
            launch.request(),
            launch.resumption());
    RunRow row = row(launch.planText(), input);
    String resumed = launch.resumption().fromRunId();
    try {
      store
          .insertResumed(
              row,
              new RunResumeRow(runId, resumed, launch.planRunId(), launch.plan(), clock.instant()),
              blocking(input))
          .ifPresent(
              active -> {
                throw busy(input, active);
              });
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        throw Refusal.conflict(
            "already_resumed", "run " + resumed + " was resumed by another run just now");
      }
      throw e;
    }
    start(row, input);
    return row;
  }

  /**
   * The workflow's input: the plan resolved with the launch values, {@code ${run.id}} standing for
   * {@code planRunId}; refused (422) when the values do not fit the plan, or a drill would act on
   * production.
   */
  private RunInput resolve(
      String runId,
      String planRunId,
      String source,
      String text,
      LaunchRequest request,
      Resumption resumption) {
    ParseResult resolved =
        parser.resolve(
            source,
            text,
            new RunBindings(
                planRunId, request.mode().apiName(), request.launcher(), request.params()));
    if (!resolved.ok()) {
      throw Refusal.invalid(
          "invalid_launch",
          "the run cannot start with these values",
          resolved.problems().stream().map(RunbookProblem::format).toList());
    }
    if (request.mode().sparesProduction()) {
      refuseProductionInDrill(source, text, resolved.runbook().orElseThrow());
    }
    return new RunInput(
        runId,
        resolved.runbook().orElseThrow(),
        request.mode(),
        resolved.params(),
        request.launcher(),
        resumption);
  }

  /**
   * Why a run of this plan blocks the launch: a 409 naming it. Checked and recorded under a lock on
   * the plan's launches ({@link RunDao#insertUnlessActive}), so two launches at once cannot both
   * pass.
   */
  private static Refusal busy(RunInput input, RunRow active) {
    String what =
        active.mode() == RunMode.RECOVERY
            ? "plan " + input.plan().name() + " is being recovered"
            : "plan "
                + input.plan().name()
                + " says drills: exclusive, and a drill of it is active";
    String rule =
        input.mode() == RunMode.RECOVERY
            ? "a plan has one recovery at a time"
            : active.mode() == RunMode.RECOVERY
                ? "a plan is not drilled while it is being recovered"
                : "its drills run one at a time";
    return Refusal.conflict(
        active.mode() == RunMode.RECOVERY ? "recovery_active" : "drill_active",
        what
            + ": run "
            + active.id()
            + " ("
            + active.mode().apiName()
            + ", "
            + active.status().apiName()
            + ", launched by "
            + active.launcher()
            + " at "
            + active.createdAt()
            + "); "
            + rule
            + ", so wait for it to end or cancel it");
  }

  /**
   * A drill never acts on what only a recovery may. What the runbook writes out is judged when the
   * plan loads; here the resolved plan is judged again, for hosts and servers given as launch
   * values ({@code ${params.…}}). Nothing is recorded for a refused launch.
   */
  private void refuseProductionInDrill(String source, String text, Runbook resolved) {
    List<RunbookProblem> refused = drills.check(source, text, resolved);
    if (!refused.isEmpty()) {
      throw Refusal.invalid(
          "drill_touches_production",
          "a drill does not act on production; with these launch values the steps below would,"
              + " so give other values, or launch the plan as a recovery",
          refused.stream().map(RunbookProblem::format).toList());
    }
  }

  private RunRow row(String planText, RunInput input) {
    return new RunRow(
        input.runId(),
        input.plan().name(),
        planText,
        Sha256.hex(planText),
        toJson(input.plan()),
        input.mode(),
        toJson(input.params()),
        input.launcher(),
        RunStatus.PENDING,
        workflowId(input.runId()),
        clock.instant(),
        null,
        null);
  }

  /** The modes of this plan's active runs that refuse this launch (409 {@link #busy}). */
  private static Collection<RunMode> blocking(RunInput input) {
    return input.mode().refusedWhileActive(input.plan().exclusiveDrills());
  }

  private void start(RunRow row, RunInput input) {
    WorkflowOptions options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(row.workflowId())
            .setTaskQueue(taskQueue)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    try {
      if (input.mode().checksOnly()) {
        WorkflowClient.start(
            client.newWorkflowStub(PrecheckWorkflow.class, options)::precheck, input);
      } else {
        WorkflowClient.start(client.newWorkflowStub(RunbookWorkflow.class, options)::run, input);
      }
    } catch (RuntimeException e) {
      LOG.error("run {} could not start its workflow", row.id(), e);
      Instant now = clock.instant();
      store.append(
          List.of(
              new RunEventRow(
                  row.id(),
                  1,
                  RunEventType.RUN_FAILED,
                  now,
                  null,
                  null,
                  null,
                  0,
                  "the workflow could not be started: " + e.getMessage(),
                  null)),
          List.of(new RunStore.StatusMove(row.id(), RunStatus.FAILED, null, now)));
      throw Refusal.unavailable(
          "temporal_unavailable",
          "the run was recorded but Temporal did not accept it: " + e.getMessage());
    }
  }

  @Override
  public void cancel(String runId, String requestedBy) {
    RunRow row =
        runs.find(runId)
            .orElseThrow(() -> Refusal.notFound("unknown_run", "no run with id " + runId));
    if (row.status().isTerminal()) {
      throw Refusal.conflict(
          "run_ended", "run " + runId + " already ended as " + row.status().apiName());
    }
    actions.append(new RunActionRow(0, runId, "cancel", requestedBy, clock.instant()));
    try {
      client.newUntypedWorkflowStub(row.workflowId()).cancel("cancelled by " + requestedBy);
    } catch (WorkflowNotFoundException e) {
      throw Refusal.conflict(
          "workflow_gone",
          "run " + runId + " has no workflow any more; it will be marked interrupted");
    }
  }

  public static String workflowId(String runId) {
    return "lifeboat-run-" + runId;
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
