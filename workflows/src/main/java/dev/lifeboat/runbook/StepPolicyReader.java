package dev.lifeboat.runbook;

import dev.lifeboat.activities.SiteNames;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads the policy fields every step kind accepts: timeout, retry, on_failure, site and drill
 * ({@code undo}, a step, is read with the steps).
 */
final class StepPolicyReader {
  static final List<String> FIELDS =
      List.of("timeout", "retry", "on_failure", "site", "drill", "undo");
  static final List<String> RETRY_FIELDS = List.of("attempts", "initial_interval", "backoff");

  /** Temporal would accept more, but a step retried a hundred times is a plan that is lying. */
  private static final long MAX_ATTEMPTS = 100;

  private final References references;

  StepPolicyReader(References references) {
    this.references = references;
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
    String site = step.optional("site").flatMap(this::site).orElse(null);
    DrillDeclaration drill = step.optional("drill").flatMap(StepPolicyReader::drill).orElse(null);
    // undo: is a step of its own, read by StagesReader.
    return new StepPolicy(timeout, retry, onFailure, site, drill, null, null);
  }

  /**
   * {@code drill: as-is} is the one declaration so far. A map is what drill overrides of the step's
   * fields will look like, so it is told apart from a misspelling.
   */
  private static Optional<DrillDeclaration> drill(Field field) {
    String allowed = DrillDeclaration.AS_IS.yamlName();
    if (field.node() instanceof MappingNode) {
      field.fail(
          "drill overrides are not supported yet; the only value is "
              + allowed
              + " (the step is safe to run as written in a drill)");
      return Optional.empty();
    }
    return field
        .literal(allowed)
        .flatMap(
            value -> {
              if (value.equals(allowed)) {
                return Optional.of(DrillDeclaration.AS_IS);
              }
              field.fail(
                  "expected "
                      + allowed
                      + " (the step is safe to run as written in a drill), got '"
                      + value
                      + "'"
                      + Suggestions.closest(value, List.of(allowed))
                          .map(match -> "; did you mean '" + match + "'?")
                          .orElse(""));
              return Optional.empty();
            });
  }

  /**
   * A site written out (or substituted at launch) must be a DNS label: it becomes part of a task
   * queue name and of the {@code lifeboat worker --site} command in messages. A site no configured
   * host has is fine: a site can have workers without SSH hosts.
   */
  private Optional<String> site(Field field) {
    return references
        .text(field)
        .filter(
            site -> {
              if (site.contains("${") || SiteNames.valid(site)) {
                return true;
              }
              field.fail("'" + site + "' is not a valid site name; " + SiteNames.RULE);
              return false;
            });
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
