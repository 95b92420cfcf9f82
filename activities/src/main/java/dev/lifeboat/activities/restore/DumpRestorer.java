package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.postgres.PostgresServer;

/** Where a dump is read and its restore tool runs: on the worker, or on a configured host. */
interface DumpRestorer {
  /** Measures the dump at {@code path}; BAD_INPUT when there is no usable dump there. */
  RestoreSource inspect(String path, RestoreFormat requested);

  /** Runs the restore tool to its end, heartbeating meanwhile. */
  ToolOutcome run(RestoreCommand command, PostgresServer server);

  /**
   * How the tool ended.
   *
   * @param howItEnded {@code exited with 1}, {@code was ended by signal KILL}
   * @param errors the end of its stderr, where the error is
   */
  record ToolOutcome(boolean succeeded, String howItEnded, String errors) {}
}
