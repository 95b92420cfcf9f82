package dev.lifeboat.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a plan's own drill settings: {@code drill: {params: {NAME: value}}}, the values a drill
 * runs with where the launcher gives none (in place of the params' defaults), and {@code drills:
 * exclusive}, which keeps two drills of the plan from running at once.
 */
final class PlanDrillReader {
  static final List<String> FIELDS = List.of("params");
  static final String EXCLUSIVE = "exclusive";

  private final Problems problems;

  PlanDrillReader(Problems problems) {
    this.problems = problems;
  }

  /** The drill's param values, each declared and of its param's type (problems reported). */
  Map<String, String> params(Field drill, List<DeclaredParam> declared) {
    Map<String, String> values = new LinkedHashMap<>();
    drill
        .map()
        .map(map -> map.allow(FIELDS))
        .flatMap(map -> map.required("params"))
        .flatMap(Field::map)
        .ifPresent(
            params ->
                params
                    .fields()
                    .forEach(
                        (name, field) ->
                            param(name, field, declared)
                                .flatMap(param -> value(param, field))
                                .ifPresent(value -> values.put(name, value))));
    return values;
  }

  /** Whether {@code drills:} says drills of the plan may not overlap. */
  boolean exclusive(Field drills) {
    return drills
        .literal(EXCLUSIVE)
        .filter(
            value -> {
              if (!value.equals(EXCLUSIVE)) {
                drills.fail(
                    "expected "
                        + EXCLUSIVE
                        + " (two drills of this plan may not run at once), got '"
                        + value
                        + "'; leave drills: out to let drills overlap");
                return false;
              }
              return true;
            })
        .isPresent();
  }

  private Optional<Param> param(String name, Field field, List<DeclaredParam> declared) {
    List<String> names = declared.stream().map(DeclaredParam::name).toList();
    Optional<Param> param =
        declared.stream().map(DeclaredParam::param).filter(p -> p.name().equals(name)).findFirst();
    if (param.isEmpty()) {
      field.fail(
          Suggestions.unknown("param", name, names) + " (a drill may only set declared params)");
    }
    return param;
  }

  private Optional<String> value(Param param, Field field) {
    return field
        .text()
        .filter(
            value -> {
              Optional<String> problem = param.type().problemWith(value);
              problem.ifPresent(p -> field.fail("bad drill value: " + p));
              return problem.isEmpty();
            });
  }
}
