package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.sql.SqlRequest;
import java.util.Objects;

/** {@code sql}: the statement of {@link SqlRequest}, run on a configured PostgreSQL server. */
public record SqlStep(String id, StepPolicy policy, SqlRequest request) implements Step {
  public static final String KIND = "sql";

  public SqlStep {
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
  public SqlStep withPolicy(StepPolicy policy) {
    return new SqlStep(id, policy, request);
  }
}
