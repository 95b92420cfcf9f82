package dev.lifeboat.runbook;

/**
 * What running a step of a kind does to the world besides reporting, for the modes' rules: a
 * tabletop run calls no activity at all, and a kind with no side effects is one a walk-through
 * could run for real.
 */
public enum SideEffects {
  /** It only observes: reads a backup, probes a service (verify-backup, health-check). */
  NONE,
  /** It tells people: a message to a log or a chat channel (notify). */
  MESSAGES,
  /** It changes systems: restores data, runs commands, fails over. */
  CHANGES
}
