package dev.lifeboat.workflow;

import dev.lifeboat.activities.failover.PromoteStandbyActivity;
import dev.lifeboat.activities.failover.PromoteStandbyRequest;
import dev.lifeboat.activities.failover.PromoteStandbyResult;
import java.time.Duration;

/** Promotes nothing; the step script key is the request's server. */
final class FakePromoteStandbyActivity implements PromoteStandbyActivity {
  private final StepScript script;

  FakePromoteStandbyActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public PromoteStandbyResult promoteStandby(PromoteStandbyRequest request) {
    String summary = script.perform(request.server());
    return new PromoteStandbyResult(
        request.server(), false, 0, Duration.ZERO, "0/3000148", Duration.ofMillis(20), summary);
  }
}
