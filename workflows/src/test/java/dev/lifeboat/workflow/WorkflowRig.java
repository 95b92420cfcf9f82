package dev.lifeboat.workflow;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A Temporal test server with the runbook workflow and fake activities. Real time (no time
 * skipping): the fakes wait on latches and barriers in real time, and skipped time would fire their
 * timeouts while they still run. Plans use short timeouts instead.
 */
final class WorkflowRig {
  final StepScript script = new StepScript();
  final FakeRunRecordActivity record = new FakeRunRecordActivity();
  final FakeNotifyActivity notify = new FakeNotifyActivity(script);
  private WorkflowClient client;
  private String taskQueue;

  static TestWorkflowExtension extension() {
    return TestWorkflowExtension.newBuilder()
        .registerWorkflowImplementationTypes(RunbookWorkflowImpl.class)
        // As the app's workers do: every failed attempt of a step is reported to its run.
        .setWorkerFactoryOptions(
            WorkerFactoryOptions.newBuilder()
                .setWorkerInterceptors(new StepAttemptsInterceptor())
                .build())
        .setDoNotStart(true)
        .build();
  }

  void start(TestWorkflowEnvironment env, Worker worker) {
    worker.registerActivitiesImplementations(activities());
    env.start();
    client = env.getWorkflowClient();
    taskQueue = worker.getTaskQueue();
  }

  /** The fake activities, for a worker of its own (e.g. one that replaces a dead worker). */
  Object[] activities() {
    List<Object> all = new ArrayList<>(List.of(siteActivities(script)));
    all.add(notify);
    all.add(record);
    return all.toArray();
  }

  /** The fake step activities a worker at a site registers: no notify, no record. */
  static Object[] siteActivities(StepScript script) {
    return new Object[] {
      new FakeVerifyBackupActivity(script),
      new FakeRestoreDataActivity(script),
      new FakeHealthCheckActivity(script),
      new FakeCommandActivity(script),
      new FakePromoteStandbyActivity(script),
      new FakeHttpActionActivity(script),
      new FakeSqlActivity(script)
    };
  }

  RunbookWorkflow workflow(String runId) {
    return client.newWorkflowStub(
        RunbookWorkflow.class,
        WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(runId).build());
  }

  /** A stub for a run that was already started, for queries. */
  RunbookWorkflow existing(String runId) {
    return client.newWorkflowStub(RunbookWorkflow.class, runId);
  }

  /** Runs to the end and returns the final state. */
  RunState run(RunInput input) {
    return workflow(input.runId()).run(input);
  }

  /** Starts without waiting; returns the stub for queries, cancel and the result. */
  WorkflowStub start(RunInput input) {
    RunbookWorkflow workflow = workflow(input.runId());
    WorkflowClient.start(workflow::run, input);
    return WorkflowStub.fromTyped(workflow);
  }

  WorkflowClient client() {
    return client;
  }
}
