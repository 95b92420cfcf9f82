package dev.lifeboat.runbook;

import dev.lifeboat.activities.ssh.ShellQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${...}} references of text fields: checks that each names something a run will have,
 * and, when a run is being launched, replaces it with the value. A {@code ${secrets.NAME}} is
 * replaced by its placeholder, never by a value, and only in the fields that send it somewhere
 * without showing it ({@link #secretText}); see {@link SecretUses}.
 */
final class References {
  /** Values every run has, whatever the plan declares. */
  static final List<String> RUN_VALUES = List.of("run.id", "run.mode", "run.launcher", "plan.name");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern PARAM = Pattern.compile("\\bparams\\.([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern SECRETS = Pattern.compile("(?<![A-Za-z0-9_.])secrets\\b");
  private static final String PARAM_PREFIX = "params.";
  private static final String SECRET_PREFIX = "secrets.";

  private final Set<String> declared;
  private final SecretUses secrets;
  private final Optional<Map<String, String>> values;
  private final SqlReferences sql;

  /**
   * @param params the plan's params: every name declared, and the types of the valid ones
   * @param secrets the names of the plan's secrets
   * @param values when launching, the value of every reference ({@code params.NAME}, {@code
   *     run.id}, ...; a secret's is its placeholder); empty when only checking
   */
  References(
      ParamsReader.ParamDeclarations params,
      Set<String> secrets,
      Optional<Map<String, String>> values) {
    this.declared = params.names();
    this.secrets = new SecretUses(secrets);
    this.values = values;
    this.sql = new SqlReferences(this, params.valid());
  }

  /** A text field: its references checked, and substituted when launching. No secrets. */
  Optional<String> text(Field field) {
    return field
        .text()
        .map(raw -> substitute(field, raw, UnaryOperator.identity(), SecretUses.Use.RECORDED));
  }

  /**
   * A text field that may also use {@code ${secrets.NAME}}: one whose value is sent to a system and
   * never shown, so the activity can fill in the secret and redact it from what it reports.
   */
  Optional<String> secretText(Field field) {
    return field
        .text()
        .map(raw -> substitute(field, raw, UnaryOperator.identity(), SecretUses.Use.ALLOWED));
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
                    },
                    SecretUses.Use.ALLOWED));
  }

  /**
   * SQL text: each reference becomes a bind parameter ({@code $1 … $n}, typed from its param) and
   * its value travels beside the text, so no value is ever read as SQL. A reference where a bound
   * value cannot stand (inside quotes or a comment, glued to a word) is a problem; see {@link
   * SqlReferences}.
   */
  Optional<SqlText> sqlText(Field field) {
    return field.text().map(raw -> sql.bind(field, raw));
  }

  /**
   * An SQL statement: like {@link #sqlText}, and a reference may also stand inside a double-quoted
   * name, where its value is checked as a name and written in place (see {@link
   * SqlReferences#bindWithNames}).
   */
  Optional<SqlText> sqlStatement(Field field) {
    return field.text().map(raw -> sql.bindWithNames(field, raw));
  }

  /**
   * The launch value of a reference that is not a secret (reporting a secret or an unknown name),
   * or empty when only checking or when it is unknown.
   */
  Optional<String> valueOf(Field field, String name) {
    if (name.startsWith(SECRET_PREFIX)) {
      secrets.check(field, name.substring(SECRET_PREFIX.length()), SecretUses.Use.RECORDED);
      return Optional.empty();
    }
    check(field, name);
    return values.map(known -> known.get(name));
  }

  /** Whether a run is being launched (values are substituted), not only checked. */
  boolean launching() {
    return values.isPresent();
  }

  /** The {@code ${...}} references of a text, with their names in group 1. */
  static Matcher references(String raw) {
    return REFERENCE.matcher(raw);
  }

  /** Reports a {@code ${} that is never closed. */
  static void checkClosed(Field field, String raw) {
    if (REFERENCE.matcher(raw).replaceAll("").contains("${")) {
      field.fail("'${' is not closed with '}' in '" + raw + "'");
    }
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
                if (SECRETS.matcher(reference.group(1)).find()) {
                  SecretUses.refuse(field);
                  continue;
                }
                Matcher param = PARAM.matcher(reference.group(1));
                while (param.find()) {
                  checkParam(field, param.group(1));
                }
              }
              return raw;
            });
  }

  private String substitute(
      Field field, String raw, UnaryOperator<String> quoting, SecretUses.Use use) {
    Matcher reference = REFERENCE.matcher(raw);
    StringBuilder result = new StringBuilder();
    List<Integer> placeholders = new ArrayList<>();
    while (reference.find()) {
      String name = reference.group(1).trim();
      boolean secret = name.startsWith(SECRET_PREFIX);
      if (!secret) {
        check(field, name);
      }
      boolean usable = !secret || secrets.check(field, name.substring(SECRET_PREFIX.length()), use);
      Optional<String> value = values.filter(known -> usable).map(known -> known.get(name));
      reference.appendReplacement(result, "");
      if (secret && value.isPresent()) {
        placeholders.add(result.length());
      }
      result.append(value.map(v -> secret ? v : quoting.apply(v)).orElse(reference.group()));
    }
    reference.appendTail(result);
    checkClosed(field, raw);
    SecretUses.refuseForgedPlaceholders(field, result.toString(), placeholders);
    return result.toString();
  }

  private void check(Field field, String name) {
    if (name.startsWith(PARAM_PREFIX)) {
      checkParam(field, name.substring(PARAM_PREFIX.length()));
    } else if (!RUN_VALUES.contains(name)) {
      field.fail(
          "unknown reference '${"
              + name
              + "}'; use ${params.NAME}, ${secrets.NAME}, ${run.id}, ${run.mode},"
              + " ${run.launcher} or ${plan.name}");
    }
  }

  private void checkParam(Field field, String name) {
    if (declared.contains(name)) {
      return;
    }
    field.fail(
        "unknown param '"
            + name
            + "' in '${params."
            + name
            + "}'"
            + Suggestions.hint(
                name, declared, "; the plan declares no params", "; declared params: "));
  }
}
