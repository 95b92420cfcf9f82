package dev.lifeboat.activities.notify;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a notification template before any run needs it, by rendering it with sample data (the
 * plan loader and {@code lifeboat check} do). A template that is still rendering after {@link
 * #TIME_LIMIT} is stopped and reported: a plan file must never hang the loader. Safe to share
 * between threads.
 */
public final class TemplateCheck {
  /** Far longer than any real template takes; a loop that runs for ever is stopped after it. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(2);

  private final TemplateRenderer renderer = new TemplateRenderer();

  /** What goes wrong when {@code template} is rendered with {@code sample}; empty when nothing. */
  public Optional<TemplateProblem> check(String template, NotifyContext sample) {
    AtomicReference<Optional<TemplateProblem>> found = new AtomicReference<>();
    Thread rendering =
        new Thread(() -> found.set(renderer.problemOf(template, sample)), "template-check");
    rendering.setDaemon(true);
    rendering.start();
    try {
      rendering.join(TIME_LIMIT.toMillis());
    } catch (InterruptedException e) {
      rendering.interrupt();
      Thread.currentThread().interrupt();
      return Optional.of(new TemplateProblem(0, 0, "the check was interrupted"));
    }
    if (rendering.isAlive()) {
      // The template was post-processed with interruption checks, so this stops it.
      rendering.interrupt();
      return Optional.of(
          new TemplateProblem(
              0,
              0,
              "still rendering after "
                  + TIME_LIMIT.toSeconds()
                  + "s with sample data; does a loop run for ever?"));
    }
    return found.get();
  }
}
