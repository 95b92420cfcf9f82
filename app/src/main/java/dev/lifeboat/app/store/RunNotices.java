package dev.lifeboat.app.store;

import dev.lifeboat.workflow.RunEvent;
import java.util.List;

/**
 * Tells plan owners of the run events just recorded (the notices package says which). Called by the
 * record writer after each write, retried writes included, so it must ignore an event it was told
 * of before; it never throws, as a notice must not fail or hold up the run it tells of.
 */
public interface RunNotices {
  /** Tells nobody (no owner has a channel, or {@code notices.events} is empty). */
  RunNotices NONE = events -> {};

  void recorded(List<RunEvent> events);
}
