package dev.lifeboat.runbook;

import dev.lifeboat.activities.secrets.SecretSyntax;
import dev.lifeboat.activities.ssh.SecretReference;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code secrets:}, the plan's secrets by name, each a reference ({@code env:NAME} or {@code
 * file:/path}) resolved on the worker when a step uses it. A value written in the plan is refused
 * without being repeated.
 */
final class SecretsReader {
  /**
   * @param valid the well-formed references by name
   * @param names every name declared, even with a broken reference, so uses of it are not reported
   *     a second time
   */
  record SecretDeclarations(Map<String, SecretReference> valid, Set<String> names) {
    static final SecretDeclarations NONE = new SecretDeclarations(Map.of(), Set.of());
  }

  /** Names must work inside {@code ${secrets.NAME}}, so: identifiers. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Problems problems;

  SecretsReader(Problems problems) {
    this.problems = problems;
  }

  SecretDeclarations read(Field secrets) {
    Map<String, SecretReference> valid = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    secrets
        .map()
        .ifPresent(
            map ->
                map.fields()
                    .forEach(
                        (name, field) -> {
                          if (!NAME.matcher(name).matches()) {
                            problems.add(
                                map.keyNode(name),
                                field.path(),
                                "'"
                                    + name
                                    + "' is not a valid secret name; use letters, digits and '_',"
                                    + " not starting with a digit");
                            return;
                          }
                          names.add(name);
                          reference(field).ifPresent(reference -> valid.put(name, reference));
                        }));
    return new SecretDeclarations(valid, names);
  }

  private static Optional<SecretReference> reference(Field field) {
    Optional<String> written = field.literal("a reference like env:NAME or file:/path");
    Optional<String> problem = written.flatMap(SecretSyntax::problemWith);
    problem.ifPresent(field::fail);
    return written.filter(w -> problem.isEmpty()).map(SecretSyntax::parse);
  }
}
