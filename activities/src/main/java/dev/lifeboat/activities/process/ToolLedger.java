package dev.lifeboat.activities.process;

/**
 * Keeps account of the external tools this process is running, so that when the process is killed
 * without warning (SIGKILL, a crash) the next start can find and stop the tools it left behind: an
 * orphaned {@code pg_restore} would otherwise keep writing to a database after Temporal has given
 * the step to another attempt.
 */
public interface ToolLedger {
  /** Keeps no account; for tests and one-off tools. */
  ToolLedger NONE = (process, command) -> () -> {};

  /**
   * Records a tool that has just started; closing the returned entry forgets it, once it has ended.
   */
  Entry track(Process process, ToolCommand command);

  /** One tool on the books. */
  interface Entry extends AutoCloseable {
    @Override
    void close();
  }
}
