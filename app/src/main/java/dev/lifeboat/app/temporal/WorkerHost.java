package dev.lifeboat.app.temporal;

import io.dropwizard.lifecycle.Managed;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.util.List;

/**
 * Runs the Temporal worker that executes runbook workflows and their activities in this process.
 */
public final class WorkerHost implements Managed {
  private final WorkerFactory factory;

  public WorkerHost(
      TemporalConnection connection,
      String taskQueue,
      List<Class<?>> workflowTypes,
      List<Object> activities) {
    this.factory = WorkerFactory.newInstance(connection.client());
    Worker worker = factory.newWorker(taskQueue);
    worker.registerWorkflowImplementationTypes(workflowTypes.toArray(Class<?>[]::new));
    worker.registerActivitiesImplementations(activities.toArray());
  }

  @Override
  public void start() {
    factory.start();
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
  }
}
