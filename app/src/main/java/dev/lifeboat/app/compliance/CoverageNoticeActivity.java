package dev.lifeboat.app.compliance;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Sends the day's overdue notices: for each plan whose {@code exercise:} policy owes a mode that is
 * overdue or never passed, one notice to the plan owner's channel ({@code owners:} in config.yml;
 * the log when the owner has none). Idempotent per plan, mode and UTC day: each notice is recorded
 * in {@code coverage_notices} in the transaction that sends it, so a retry finds it.
 */
@ActivityInterface
public interface CoverageNoticeActivity {
  @ActivityMethod
  OverdueNotices sendOverdueNotices(OverdueCheck check);
}
