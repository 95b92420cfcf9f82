package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.restore.RestoreDataRequest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** {@code restore-data}: the restore of {@link RestoreDataRequest}. */
public record RestoreDataStep(String id, StepPolicy policy, RestoreDataRequest request)
    implements Step {
  public static final String KIND = "restore-data";

  public RestoreDataStep {
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
  public RestoreDataStep withPolicy(StepPolicy policy) {
    return new RestoreDataStep(id, policy, request);
  }

  @Override
  public List<String> hosts() {
    return Stream.ofNullable(request.host()).toList();
  }
}
