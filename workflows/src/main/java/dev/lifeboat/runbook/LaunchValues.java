package dev.lifeboat.runbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a launcher's param values against the plan's declarations and fills in defaults. Problems
 * point at the declaration when there is one (line 0 for a value the plan does not declare).
 */
final class LaunchValues {
  private final Problems problems;

  LaunchValues(Problems problems) {
    this.problems = problems;
  }

  /**
   * The value of every declared param: given, else its default, else empty text (an optional param
   * nobody set).
   */
  Map<String, String> resolve(List<DeclaredParam> declared, Map<String, String> given) {
    List<String> names = declared.stream().map(DeclaredParam::name).toList();
    for (String name : new TreeSet<>(given.keySet())) {
      if (!names.contains(name)) {
        problems.add(0, 0, "params." + name, Suggestions.unknown("param", name, names));
      }
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (DeclaredParam declaration : declared) {
      Param param = declaration.param();
      String value = given.get(param.name());
      if (value == null) {
        if (param.required()) {
          report(declaration, "required param '" + param.name() + "' was not given");
        }
        value = param.defaultValue() == null ? "" : param.defaultValue();
      } else {
        param
            .type()
            .problemWith(value)
            .ifPresent(problem -> report(declaration, "bad launch value: " + problem));
      }
      values.put(param.name(), value);
    }
    return values;
  }

  private void report(DeclaredParam declaration, String message) {
    problems.add(declaration.line(), declaration.column(), "params." + declaration.name(), message);
  }
}
