package dev.lifeboat.activities.precheck;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * Checks, without side effects, that one step could run where it would run: it is called on the
 * step's own task queue, so hosts, servers, files and secrets are seen from the step's worker. Logs
 * in over SSH without running a command, reads from PostgreSQL without writing, reads backup files,
 * resolves host names without sending a request, resolves secrets without printing them.
 *
 * <p>Never fails for what it finds: every problem is a {@code fail} line of the result. Idempotent
 * (it changes nothing), so retrying it is safe.
 */
@ActivityInterface
public interface PrecheckActivity {
  @ActivityMethod
  PrecheckResult precheck(PrecheckRequest request);
}
