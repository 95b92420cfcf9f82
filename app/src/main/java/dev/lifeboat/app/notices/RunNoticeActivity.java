package dev.lifeboat.app.notices;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Sends one run notice to the plan owner's channel ({@code owners:} in config.yml), rendered from
 * its event's template with the run's data. Idempotent per run event: the notice is recorded in
 * {@code run_notices} in the transaction that sends it, so a retry finds it and sends nothing.
 */
@ActivityInterface
public interface RunNoticeActivity {
  @ActivityMethod
  RunNoticeSent sendRunNotice(RunNotice notice);
}
