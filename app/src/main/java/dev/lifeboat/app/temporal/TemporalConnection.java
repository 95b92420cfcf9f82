package dev.lifeboat.app.temporal;

import io.dropwizard.lifecycle.Managed;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** The connection to Temporal (embedded or a cluster) and the client built on it. */
public final class TemporalConnection implements Managed {
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final String namespace;

  private TemporalConnection(WorkflowServiceStubs stubs, String namespace) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  /** Connects lazily: the first call reaches the server, so start-up does not race it. */
  public static TemporalConnection to(String target, String namespace) {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    return new TemporalConnection(stubs, namespace);
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  public String namespace() {
    return namespace;
  }

  @Override
  public void stop() {
    stubs.shutdown();
  }
}
