package dev.lifeboat.workflow;

/**
 * Names the Temporal task queue of a site. A site is nothing but a task queue: the workflow puts a
 * step with {@code site: dr-east} on {@code lifeboat@dr-east}, and {@code lifeboat worker --site
 * dr-east} polls it. Temporal does the queueing; there is no queue of our own.
 */
public final class SiteQueues {
  private SiteQueues() {}

  /** {@code mainQueue@site}, e.g. {@code lifeboat@dr-east}. */
  public static String of(String mainQueue, String site) {
    return mainQueue + "@" + site;
  }
}
