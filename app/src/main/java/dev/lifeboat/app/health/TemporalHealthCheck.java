package dev.lifeboat.app.health;

import com.codahale.metrics.health.HealthCheck;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/** Healthy when the Temporal frontend answers a cheap system-info call within two seconds. */
public final class TemporalHealthCheck extends HealthCheck {
  private final WorkflowServiceStubs temporal;
  private final String target;

  public TemporalHealthCheck(WorkflowServiceStubs temporal, String target) {
    this.temporal = temporal;
    this.target = target;
  }

  @Override
  protected Result check() {
    try {
      temporal
          .blockingStub()
          .withDeadlineAfter(2, TimeUnit.SECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      return Result.healthy("Temporal at " + target + " answers");
    } catch (RuntimeException e) {
      return Result.unhealthy("Temporal at " + target + " does not answer: " + e.getMessage());
    }
  }
}
