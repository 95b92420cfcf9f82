package dev.lifeboat.activities.command;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code command}: runs a shell command line on a configured host over SSH and fails unless it
 * exits with the expected code. Not idempotent by itself: the command is run again on each attempt,
 * so a runbook author who allows retries must write a command that is safe to repeat. Heartbeats
 * while the command runs, so set a heartbeat timeout to notice a dead worker; cancellation kills
 * the remote command and everything it started. An unknown host is {@code BAD_INPUT}; an unexpected
 * exit code is {@code CHECK_FAILED}; a host that does not answer or a command that outlives its
 * timeout is {@code UNAVAILABLE}.
 */
@ActivityInterface
public interface CommandActivity {
  @ActivityMethod
  CommandResult command(CommandRequest request);
}
