package dev.lifeboat.runbook;

import dev.lifeboat.activities.SiteNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;

/**
 * Reads the policy fields every step kind accepts: timeout, retry, on_failure, site, drill, modes
 * and restores_service ({@code undo}, a step, is read with the steps; that at most one step
 * restores service is checked there too). The fields a {@code drill:} map overrides are read by
 * {@link DrillOverrides}.
 */
final class StepPolicyReader {
  static final List<String> FIELDS =
      List.of(
          "timeout", "retry", "on_failure", "site", "drill", "modes", "undo", "restores_service");

  /** The run modes a step may name in {@code modes:}, as the API spells them. */
  static final List<String> MODES = List.of("tabletop", "drill", "recovery");

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
    List<String> modes = step.optional("modes").flatMap(StepPolicyReader::modes).orElse(null);
    if (drill != null && modes != null && !modes.contains("drill")) {
      step.optional("drill")
          .orElseThrow()
          .fail(
              "the step does not run in drills (modes: "
                  + String.join(", ", modes)
                  + "), so what it does in a drill says nothing; remove drill: or add drill to"
                  + " modes");
    }
    Boolean restoresService = step.optional("restores_service").flatMap(Field::bool).orElse(null);
    return new StepPolicy(timeout, retry, onFailure, site, drill, modes, null, restoresService);
  }

  /**
   * {@code modes: [drill, recovery]}: at least one mode, each once. Without it the step runs in
   * every mode.
   */
  private static Optional<List<String>> modes(Field field) {
    int[] broken = {0};
    List<String> modes = new ArrayList<>();
    field
        .list("modes needs at least one of " + String.join(", ", MODES) + "; remove it for all")
        .ifPresentOrElse(
            list ->
                list.forEach(
                    item ->
                        item.literal("a run mode")
                            .ifPresentOrElse(
                                mode -> {
                                  if (!MODES.contains(mode)) {
                                    item.fail(Suggestions.unknown("run mode", mode, MODES));
                                    broken[0]++;
                                  } else if (modes.contains(mode)) {
                                    item.fail("run mode '" + mode + "' is listed twice");
                                    broken[0]++;
                                  } else {
                                    modes.add(mode);
                                  }
                                },
                                () -> broken[0]++)),
            () -> broken[0]++);
    return broken[0] == 0 ? Optional.of(List.copyOf(modes)) : Optional.empty();
  }

  /**
   * {@code drill: as-is}, or a map of overrides of the step's own fields (read with the step, see
   * {@link DrillOverrides}).
   */
  private static Optional<DrillDeclaration> drill(Field field) {
    String allowed = DrillDeclaration.AS_IS.yamlName();
    if (field.node() instanceof MappingNode) {
      return Optional.of(DrillDeclaration.OVERRIDES);
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
                      + " (the step is safe to run as written in a drill) or a map of the"
                      + " step's fields to override in a drill, got '"
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
