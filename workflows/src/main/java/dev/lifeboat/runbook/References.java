package dev.lifeboat.runbook;

import dev.lifeboat.activities.ssh.ShellQuote;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${...}} references of text fields: checks that each names something a run will have,
 * and, when a run is being launched, replaces it with the value.
 */
final class References {
  /** Values every run has, whatever the plan declares. */
  static final List<String> RUN_VALUES = List.of("run.id", "run.mode", "run.launcher", "plan.name");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern PARAM = Pattern.compile("\\bparams\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final String PARAM_PREFIX = "params.";

  private final Set<String> declared;
  private final Optional<Map<String, String>> values;

  /**
   * @param declared the names of the plan's params
   * @param values when launching, the value of every reference ({@code params.NAME}, {@code
   *     run.id}, ...); empty when only checking
   */
  References(Set<String> declared, Optional<Map<String, String>> values) {
    this.declared = declared;
    this.values = values;
  }

  /** A text field: its references checked, and substituted when launching. */
  Optional<String> text(Field field) {
    return field.text().map(raw -> substitute(field, raw, UnaryOperator.identity()));
  }

  /**
   * A shell command line: like {@link #text}, but each value is substituted shell-quoted, so a
   * param like {@code x; touch pwned} reaches the remote shell as one literal word. Write {@code
   * ${params.dir}} bare, not inside quotes of your own.
   */
  Optional<String> shellText(Field field) {
    return field
        .text()
        .map(
            raw ->
                substitute(
                    field,
                    raw,
                    value -> {
                      if (value.indexOf('\0') >= 0) {
                        // No shell quoting can carry a NUL; refuse the launch, not crash it.
                        field.fail(
                            "a value substituted into a command cannot contain a NUL character");
                        return "";
                      }
                      return ShellQuote.quote(value);
                    }));
  }

  /**
   * A FreeMarker template, rendered later by the activity with the run's data: only its {@code
   * params.NAME} uses are checked here, and nothing is substituted.
   */
  Optional<String> template(Field field) {
    return field
        .text()
        .map(
            raw -> {
              Matcher reference = REFERENCE.matcher(raw);
              while (reference.find()) {
                Matcher param = PARAM.matcher(reference.group(1));
                while (param.find()) {
                  checkParam(field, param.group(1));
                }
              }
              return raw;
            });
  }

  private String substitute(Field field, String raw, UnaryOperator<String> quoting) {
    Matcher reference = REFERENCE.matcher(raw);
    StringBuilder result = new StringBuilder();
    while (reference.find()) {
      String name = reference.group(1).trim();
      check(field, name);
      String written = reference.group();
      String value =
          values
              .filter(known -> known.containsKey(name))
              .map(known -> quoting.apply(known.get(name)))
              .orElse(written);
      reference.appendReplacement(result, Matcher.quoteReplacement(value));
    }
    reference.appendTail(result);
    if (REFERENCE.matcher(raw).replaceAll("").contains("${")) {
      field.fail("'${' is not closed with '}' in '" + raw + "'");
    }
    return result.toString();
  }

  private void check(Field field, String name) {
    if (name.startsWith(PARAM_PREFIX)) {
      checkParam(field, name.substring(PARAM_PREFIX.length()));
    } else if (!RUN_VALUES.contains(name)) {
      field.fail(
          "unknown reference '${"
              + name
              + "}'; use ${params.NAME}, ${run.id}, ${run.mode}, ${run.launcher} or"
              + " ${plan.name}");
    }
  }

  private void checkParam(Field field, String name) {
    if (declared.contains(name)) {
      return;
    }
    String hint =
        Suggestions.closest(name, declared)
            .map(match -> "; did you mean '" + match + "'?")
            .orElseGet(
                () ->
                    declared.isEmpty()
                        ? "; the plan declares no params"
                        : "; declared params: "
                            + String.join(", ", declared.stream().sorted().toList()));
    field.fail("unknown param '" + name + "' in '${params." + name + "}'" + hint);
  }
}
