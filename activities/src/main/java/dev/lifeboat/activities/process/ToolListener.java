package dev.lifeboat.activities.process;

/**
 * Hears what a running tool does. Line callbacks arrive on reader threads; {@link #onTick} arrives
 * on the thread that called {@link ToolRunner#run}, which is where Temporal heartbeats must be sent
 * from.
 */
public interface ToolListener {
  ToolListener NONE = new ToolListener() {};

  default void onStdoutLine(String line) {}

  default void onStderrLine(String line) {}

  /**
   * Called periodically while the tool runs. Throwing (for example the heartbeat's cancellation)
   * kills the tool and its children, and the exception reaches the caller of {@code run}.
   */
  default void onTick(ToolProgress progress) {}
}
