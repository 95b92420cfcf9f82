package dev.lifeboat.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each step of a plan's text is, by id, for reporting on a plan that was already parsed (the
 * resolved plan keeps no lines). Ids are unique in a plan that parsed, so an id names one place.
 */
final class StepPlaces {
  private static final List<String> STAGE_LISTS = List.of("stages", "finally");

  private StepPlaces() {}

  /** Each step's YAML by its id, under {@code stages:} and {@code finally:}. */
  static Map<String, Field> in(String source, String text) {
    Problems ignored = new Problems(source); // the text already parsed: nothing to report here
    Map<String, Field> steps = new LinkedHashMap<>();
    new YamlDocument(ignored)
        .compose(text)
        .flatMap(root -> new Field(root, "", ignored).map())
        .ifPresent(
            plan ->
                STAGE_LISTS.forEach(
                    list ->
                        plan.optional(list)
                            .flatMap(stages -> stages.list(""))
                            .ifPresent(stages -> stages.forEach(stage -> addSteps(stage, steps)))));
    return steps;
  }

  private static void addSteps(Field stage, Map<String, Field> steps) {
    stage
        .map()
        .flatMap(map -> map.optional("steps"))
        .flatMap(list -> list.list(""))
        .ifPresent(
            list ->
                list.forEach(
                    step ->
                        step.map()
                            .flatMap(map -> map.optional("id"))
                            .flatMap(Field::text)
                            .ifPresent(id -> steps.putIfAbsent(id, step))));
  }
}
