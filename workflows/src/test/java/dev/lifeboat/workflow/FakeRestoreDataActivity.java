package dev.lifeboat.workflow;

import dev.lifeboat.activities.restore.RestoreDataActivity;
import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.restore.RestoreDataResult;

/** Restores nothing; the step id is the request's database. */
final class FakeRestoreDataActivity implements RestoreDataActivity {
  private final StepScript script;

  FakeRestoreDataActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public RestoreDataResult restoreData(RestoreDataRequest request) {
    String summary = script.perform(request.database());
    return new RestoreDataResult(
        request.server(), request.database(), true, false, "pg_restore", 2048, 10, summary);
  }
}
