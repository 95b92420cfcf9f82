package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.List;

/** Reads the policy fields every step kind accepts: timeout, retry and on_failure. */
final class StepPolicyReader {
  static final List<String> FIELDS = List.of("timeout", "retry", "on_failure");
  static final List<String> RETRY_FIELDS = List.of("attempts", "initial_interval", "backoff");

  /** Temporal would accept more, but a step retried a hundred times is a plan that is lying. */
  private static final long MAX_ATTEMPTS = 100;

  private final Problems problems;

  StepPolicyReader(Problems problems) {
    this.problems = problems;
  }

  /** The step's policy, with defaults for what is not written (and for what is broken). */
  StepPolicy read(YamlMap step) {
    Duration timeout =
        step.optional("timeout").flatMap(Field::duration).orElse(StepPolicy.DEFAULT_TIMEOUT);
    Retry retry = step.optional("retry").map(this::retry).orElse(Retry.DEFAULT);
    OnFailure onFailure =
        step.optional("on_failure")
            .flatMap(f -> f.choice(OnFailure.values()))
            .orElse(OnFailure.ABORT);
    return new StepPolicy(timeout, retry, onFailure);
  }

  private Retry retry(Field field) {
    return field
        .map()
        .map(
            map -> {
              map.allow(RETRY_FIELDS);
              int attempts =
                  map.optional("attempts")
                      .flatMap(f -> f.integer(1, MAX_ATTEMPTS))
                      .map(Long::intValue)
                      .orElse(Retry.DEFAULT.attempts());
              Duration interval =
                  map.optional("initial_interval")
                      .flatMap(Field::duration)
                      .orElse(Retry.DEFAULT.initialInterval());
              double backoff =
                  map.optional("backoff")
                      .flatMap(f -> f.decimal(1.0))
                      .orElse(Retry.DEFAULT.backoff());
              return new Retry(attempts, interval, backoff);
            })
        .orElse(Retry.DEFAULT);
  }
}
