package dev.lifeboat.workflow;

import dev.lifeboat.activities.sql.SqlActivity;
import dev.lifeboat.activities.sql.SqlRequest;
import dev.lifeboat.activities.sql.SqlResult;

/** Runs nothing; the step id is the request's database. */
final class FakeSqlActivity implements SqlActivity {
  private final StepScript script;

  FakeSqlActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public SqlResult sql(SqlRequest request) {
    return new SqlResult(0, 1, script.perform(request.database()));
  }
}
