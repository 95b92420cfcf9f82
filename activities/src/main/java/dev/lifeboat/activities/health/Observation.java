package dev.lifeboat.activities.health;

/**
 * What one probe saw.
 *
 * @param healthy whether the probe's expectation held
 * @param reachable false when the target could not be reached at all (a transient failure)
 * @param observed what was seen, for the result ("200", "1000", "connected", "connection refused")
 * @param problem for an unhealthy probe, the expectation and what was got instead
 */
record Observation(
    boolean healthy, boolean reachable, String observed, String problem, long latencyMillis) {

  static Observation healthy(String observed, long latencyMillis) {
    return new Observation(true, true, observed, "", latencyMillis);
  }

  static Observation unhealthy(String observed, String problem, long latencyMillis) {
    return new Observation(false, true, observed, problem, latencyMillis);
  }

  static Observation unreachable(String problem, long latencyMillis) {
    return new Observation(false, false, problem, problem, latencyMillis);
  }
}
