package dev.lifeboat.app.compliance;

import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ensures the one {@link CoverageWatchWorkflow} runs, at every start-up: the embedded Temporal
 * server forgets it across restarts, and a cluster keeps it (then this finds it running). The
 * notices it sends are recorded per day, so a restart the same day sends nothing twice.
 */
public final class CoverageWatchStarter implements Managed {
  private static final Logger LOG = LoggerFactory.getLogger(CoverageWatchStarter.class);

  private final WorkflowClient client;
  private final String taskQueue;

  public CoverageWatchStarter(WorkflowClient client, String taskQueue) {
    this.client = client;
    this.taskQueue = taskQueue;
  }

  @Override
  public void start() {
    CoverageWatchWorkflow watch =
        client.newWorkflowStub(
            CoverageWatchWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(CoverageWatchWorkflow.WORKFLOW_ID)
                .setTaskQueue(taskQueue)
                .build());
    try {
      WorkflowClient.start(watch::watch, CoverageWatchInput.DEFAULT);
      LOG.info("coverage watch started: overdue plans are notified once a day");
    } catch (WorkflowExecutionAlreadyStarted running) {
      LOG.info("coverage watch already running");
    }
  }
}
