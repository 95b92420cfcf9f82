package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.health.HealthCheckRequest;
import java.util.List;
import java.util.Objects;

/** {@code health-check}: the probe of {@link HealthCheckRequest}. */
public record HealthCheckStep(String id, StepPolicy policy, HealthCheckRequest request)
    implements Step {
  public static final String KIND = "health-check";

  public HealthCheckStep {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(request, "request");
  }

  @Override
  @JsonIgnore
  public String kindName() {
    return KIND;
  }

  @Override
  public HealthCheckStep withPolicy(StepPolicy policy) {
    return new HealthCheckStep(id, policy, request);
  }

  @Override
  public List<String> hosts() {
    return request.ssh() == null ? List.of() : List.of(request.ssh().host());
  }
}
