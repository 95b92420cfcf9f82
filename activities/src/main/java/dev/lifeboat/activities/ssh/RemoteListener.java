package dev.lifeboat.activities.ssh;

/** Hears about a running remote command, so an activity can heartbeat and notice cancellation. */
@FunctionalInterface
public interface RemoteListener {
  RemoteListener NONE = progress -> {};

  /**
   * Called periodically, on the thread that called {@link RemoteShell#run}, while the command runs.
   * Throwing (for example Temporal's cancellation from a heartbeat) kills the remote command, and
   * the exception then reaches the caller of {@code run} unchanged.
   */
  void onTick(RemoteProgress progress);
}
