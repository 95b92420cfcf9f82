package dev.lifeboat.app.worker;

import dev.lifeboat.activities.SiteNames;
import dev.lifeboat.app.config.TemporalConfig;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.workflow.PrecheckWorkflowImpl;
import dev.lifeboat.workflow.RunbookWorkflowImpl;
import dev.lifeboat.workflow.SiteQueues;
import dev.lifeboat.workflow.StepAttemptsInterceptor;
import dev.lifeboat.workflow.schedule.ScheduleWorkflowImpl;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Temporal workers in this process: the server's (runbook workflows and all activities on the
 * main task queue, plus the step activities of any sites it serves) or a site worker's (step
 * activities only, on {@code <queue>@<site>}).
 */
public final class WorkerHost implements Managed {
  /** One task queue this process polls, with what it runs. */
  public record Queue(String taskQueue, List<Class<?>> workflowTypes, List<Object> activities) {
    public Queue {
      workflowTypes = List.copyOf(workflowTypes);
      activities = List.copyOf(activities);
    }
  }

  /** How often a heartbeating activity's heartbeat reaches the server, at most. */
  static final Duration HEARTBEAT_SENT_EVERY = Duration.ofSeconds(1);

  private final WorkerFactory factory;

  /**
   * @param stickyExecution whether a run's next workflow task goes to the worker that ran the last
   *     one (it has the run in memory and need not replay its history). Off, every workflow task
   *     goes to the task queue all workers poll: a real cluster moves a task off a dead worker's
   *     sticky queue after a few seconds, but Temporal's Java test server never does, so a run
   *     whose worker was killed would wait forever (see {@code temporal.stickyExecution}).
   */
  public WorkerHost(TemporalConnection connection, List<Queue> queues, boolean stickyExecution) {
    // Every attempt of a step that fails is reported to its run, wherever the step runs.
    this.factory =
        WorkerFactory.newInstance(
            connection.client(),
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepAttemptsInterceptor())
                .build());
    WorkerOptions.Builder builder =
        WorkerOptions.newBuilder()
            // A cancelled run reaches a running activity only in the answer to a heartbeat the
            // SDK sends to the server. By default it sends one every 0.8 × the heartbeat timeout
            // (24 s for a 30 s timeout), so a cancel could take that long to stop a restore or a
            // remote command; sent every second, it stops them within a few seconds.
            .setDefaultHeartbeatThrottleInterval(HEARTBEAT_SENT_EVERY)
            .setMaxHeartbeatThrottleInterval(HEARTBEAT_SENT_EVERY);
    if (!stickyExecution) {
      // A zero timeout makes the SDK ask for no sticky queue when it completes a task.
      builder.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    WorkerOptions options = builder.build();
    for (Queue queue : queues) {
      Worker worker = factory.newWorker(queue.taskQueue(), options);
      if (!queue.workflowTypes().isEmpty()) {
        worker.registerWorkflowImplementationTypes(queue.workflowTypes().toArray(Class<?>[]::new));
      }
      worker.registerActivitiesImplementations(queue.activities().toArray());
    }
  }

  /**
   * The server's worker: runbook workflows and every activity (every step kind's, plus {@code
   * serverActivities}: the record) on {@code temporal.taskQueue}, and the activities of the kinds
   * that may run at a site on the queue of each site in {@code temporal.sites} that this server
   * also serves.
   */
  public static WorkerHost forServer(
      TemporalConfig temporal,
      TemporalConnection connection,
      StepActivities steps,
      List<Object> serverActivities) {
    return forServer(temporal, connection, steps, serverActivities, List.of());
  }

  /** The same, with the server's own workflows ({@code serverWorkflows}) besides runbooks. */
  public static WorkerHost forServer(
      TemporalConfig temporal,
      TemporalConnection connection,
      StepActivities steps,
      List<Object> serverActivities,
      List<Class<?>> serverWorkflows) {
    List<Object> all = new ArrayList<>(steps.serverActivities());
    all.addAll(serverActivities);
    String taskQueue = temporal.getTaskQueue();
    List<Queue> queues = new ArrayList<>();
    List<Class<?>> workflows =
        new ArrayList<>(
            List.of(
                RunbookWorkflowImpl.class, ScheduleWorkflowImpl.class, PrecheckWorkflowImpl.class));
    workflows.addAll(serverWorkflows);
    queues.add(new Queue(taskQueue, workflows, all));
    for (String site : temporal.getSites()) {
      queues.add(
          new Queue(
              SiteQueues.of(taskQueue, SiteNames.require(site)), List.of(), steps.activities()));
    }
    return new WorkerHost(connection, queues, temporal.isStickyExecution());
  }

  @Override
  public void start() {
    factory.start();
  }

  /** Lets running activities finish for up to 10 seconds; Temporal retries the others elsewhere. */
  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, TimeUnit.SECONDS);
  }
}
