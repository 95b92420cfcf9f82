package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code params:}, the typed values a launcher supplies. */
final class ParamsReader {
  /**
   * @param valid the declarations without problems
   * @param names every name declared, even with a broken spec, so references to it are not reported
   *     a second time
   */
  record ParamDeclarations(List<DeclaredParam> valid, Set<String> names) {
    static final ParamDeclarations NONE = new ParamDeclarations(List.of(), Set.of());
  }

  static final List<String> FIELDS = List.of("type", "required", "default", "description");

  /** Names must work inside {@code ${params.NAME}} and in FreeMarker, so: identifiers. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Problems problems;

  ParamsReader(Problems problems) {
    this.problems = problems;
  }

  /** Every well-formed declaration (the others are reported), and every name declared. */
  ParamDeclarations read(Field params) {
    List<DeclaredParam> declared = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    params
        .map()
        .ifPresent(
            map -> {
              for (Map.Entry<String, Field> entry : map.fields().entrySet()) {
                String name = entry.getKey();
                if (!NAME.matcher(name).matches()) {
                  problems.add(
                      map.keyNode(name),
                      entry.getValue().path(),
                      "'"
                          + name
                          + "' is not a valid param name; use letters, digits and '_', not"
                          + " starting with a digit");
                  continue;
                }
                names.add(name);
                read(name, entry.getValue())
                    .ifPresent(param -> declared.add(new DeclaredParam(param, map.keyNode(name))));
              }
            });
    return new ParamDeclarations(declared, names);
  }

  private Optional<Param> read(String name, Field spec) {
    Optional<YamlMap> map = spec.map();
    if (map.isEmpty()) {
      return Optional.empty();
    }
    YamlMap fields = map.get().allow(FIELDS);
    int mark = problems.count();
    ParamType type =
        fields.optional("type").flatMap(f -> f.choice(ParamType.values())).orElse(ParamType.STRING);
    boolean required = fields.optional("required").flatMap(Field::bool).orElse(false);
    String description = fields.optional("description").flatMap(Field::text).orElse(null);
    Optional<Field> defaultField = fields.optional("default");
    String defaultValue = defaultField.flatMap(f -> f.literal("a literal value")).orElse(null);
    if (defaultValue != null && !problems.since(mark)) {
      type.problemWith(defaultValue).ifPresent(problem -> defaultField.get().fail(problem));
    }
    if (required && defaultValue != null) {
      fields
          .required("required")
          .ifPresent(
              f ->
                  f.fail(
                      "a param with a default is never missing; remove 'required' or 'default'"));
    }
    return problems.since(mark)
        ? Optional.empty()
        : Optional.of(new Param(name, type, description, defaultValue, required));
  }
}
