package dev.lifeboat.app.temporal;

import dev.lifeboat.workflow.StepAttemptsInterceptor;
import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
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

  private final WorkerFactory factory;

  public WorkerHost(
      TemporalConnection connection,
      String taskQueue,
      List<Class<?>> workflowTypes,
      List<Object> activities) {
    this(connection, List.of(new Queue(taskQueue, workflowTypes, activities)));
  }

  public WorkerHost(TemporalConnection connection, List<Queue> queues) {
    // Every attempt of a step that fails is reported to its run, wherever the step runs.
    this.factory =
        WorkerFactory.newInstance(
            connection.client(),
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepAttemptsInterceptor())
                .build());
    for (Queue queue : queues) {
      Worker worker = factory.newWorker(queue.taskQueue());
      if (!queue.workflowTypes().isEmpty()) {
        worker.registerWorkflowImplementationTypes(queue.workflowTypes().toArray(Class<?>[]::new));
      }
      worker.registerActivitiesImplementations(queue.activities().toArray());
    }
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
