package dev.lifeboat.activities.health;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code health-check}: an SQL query with an expected value, an HTTP GET with an expected status
 * and body, a TCP connect, or a command on a configured host over SSH with an expected exit code.
 * With an {@code until_healthy} window it polls (heartbeating each probe) until healthy or the
 * window ends, then fails with the last observation. Read-only.
 */
@ActivityInterface
public interface HealthCheckActivity {
  @ActivityMethod
  HealthCheckResult healthCheck(HealthCheckRequest request);
}
