package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** {@code verify-backup}: the checks of {@link VerifyBackupRequest}. */
public record VerifyBackupStep(String id, StepPolicy policy, VerifyBackupRequest request)
    implements Step {
  public static final String KIND = "verify-backup";

  public VerifyBackupStep {
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
  public VerifyBackupStep withPolicy(StepPolicy policy) {
    return new VerifyBackupStep(id, policy, request);
  }

  @Override
  public List<String> hosts() {
    return Stream.ofNullable(request.host()).toList();
  }
}
