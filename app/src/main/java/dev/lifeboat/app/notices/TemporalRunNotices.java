package dev.lifeboat.app.notices;

import dev.lifeboat.app.store.RunNotices;
import dev.lifeboat.workflow.RunEvent;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunNotices} as Temporal workflows: one {@link RunNoticeWorkflow} per run event that
 * warrants a notice, started with the event's own id, so the start of a retried record write is
 * refused by Temporal (and a notice already sent is found in {@code run_notices} regardless).
 */
public final class TemporalRunNotices implements RunNotices {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalRunNotices.class);

  private final WorkflowClient client;
  private final String taskQueue;
  private final NoticesConfig config;

  public TemporalRunNotices(WorkflowClient client, String taskQueue, NoticesConfig config) {
    this.client = client;
    this.taskQueue = taskQueue;
    this.config = config;
  }

  @Override
  public void recorded(List<RunEvent> events) {
    for (RunEvent event : events) {
      Optional<NoticeEvent> notice = NoticeEvent.of(event.type()).filter(config::tells);
      notice.ifPresent(kind -> start(RunNotice.of(event, kind)));
    }
  }

  private void start(RunNotice notice) {
    RunNoticeWorkflow workflow =
        client.newWorkflowStub(
            RunNoticeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(notice.workflowId())
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(workflow::send, notice);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // A retried record write: the notice was started by the first.
    } catch (RuntimeException e) {
      // The run goes on; its record has the event, only the owner's notice of it is lost.
      LOG.warn("notice {} of run {} could not be started", notice.workflowId(), notice.runId(), e);
    }
  }
}
