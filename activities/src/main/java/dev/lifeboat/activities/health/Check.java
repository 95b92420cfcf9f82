package dev.lifeboat.activities.health;

/**
 * One kind of probe, already validated: constructing a check fails with BAD_INPUT or BAD_CONFIG
 * when it can never work, so polling never waits out a window for a typo.
 */
interface Check {
  /** Runs the probe once. Problems reaching the target are observations, not exceptions. */
  Observation probe();

  /** What is probed, for messages: {@code GET https://host/health}, {@code TCP db:5432}. */
  String describe();
}
