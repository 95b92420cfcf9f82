package dev.lifeboat.app.runs;

import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.PrecheckReport;
import dev.lifeboat.workflow.RunMode;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Launches readiness prechecks: the one Java entry point for the API, the CLI (through the API) and
 * a schedule that wants a plan prechecked daily. A precheck is recorded like a run (mode {@code
 * precheck}) by the {@link RunLauncher}, so it is refused and recorded by the same rules: 404 for
 * an unknown plan, 422 for launch values the plan does not accept.
 */
public final class PrecheckLauncher {
  private final RunLauncher launcher;
  private final WorkflowClient client;

  public PrecheckLauncher(RunLauncher launcher, WorkflowClient client) {
    this.launcher = launcher;
    this.client = client;
  }

  /** Records and starts a precheck of {@code plan} with {@code params}, as {@code launcher}. */
  public RunRow launch(String plan, Map<String, String> params, String launcher) {
    return this.launcher.launch(new LaunchRequest(plan, RunMode.PRECHECK, params, launcher));
  }

  /** The precheck's report once it ends; empty when it has not ended within {@code timeout}. */
  public Optional<PrecheckReport> await(RunRow precheck, Duration timeout) {
    try {
      return Optional.of(
          client
              .newUntypedWorkflowStub(precheck.workflowId())
              .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, PrecheckReport.class));
    } catch (TimeoutException e) {
      return Optional.empty();
    }
  }
}
