package dev.lifeboat.workflow;

import dev.lifeboat.activities.health.HealthCheckActivity;
import dev.lifeboat.activities.health.HealthCheckRequest;
import dev.lifeboat.activities.health.HealthCheckResult;

/** Probes nothing; the step id is the TCP probe's host. */
final class FakeHealthCheckActivity implements HealthCheckActivity {
  private final StepScript script;

  FakeHealthCheckActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public HealthCheckResult healthCheck(HealthCheckRequest request) {
    String summary = script.perform(request.tcp().host());
    return new HealthCheckResult(1, 3, "connected", summary);
  }
}
