package dev.lifeboat.activities;

/**
 * What every step activity returns: its own record of what it did, with one line for the run's
 * record. The workflow shows the summary as the step's; the rest travels in the step's event.
 */
public interface StepResult {
  /** One line saying what the step did, e.g. {@code restored custom dump shop.dump ...}. */
  String summary();
}
