package dev.lifeboat.activities.secrets;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.ssh.SecretReference;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The secrets one activity call uses: every placeholder in its inputs, resolved once at the start
 * of the call, and the {@link Redactor} for those values. The values live only as long as the call.
 */
public final class StepSecrets {
  private final Map<String, String> values;
  private final Redactor redactor;

  private StepSecrets(Map<String, String> values) {
    this.values = values;
    this.redactor = new Redactor(values);
  }

  /**
   * Resolves the placeholders found in {@code texts} (nulls are skipped).
   *
   * @throws io.temporal.failure.ApplicationFailure BAD_CONFIG naming the reference when a secret
   *     cannot be resolved or is too short to redact
   */
  public static StepSecrets resolve(Secrets secrets, Collection<String> texts) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String text : texts) {
      for (SecretReference reference : SecretPlaceholders.in(text)) {
        if (!values.containsKey(reference.reference())) {
          String value = secrets.resolve(reference);
          if (value.length() < Redactor.MIN_LENGTH) {
            throw StepFailures.of(
                StepFailureType.BAD_CONFIG,
                "secret "
                    + reference
                    + " is shorter than "
                    + Redactor.MIN_LENGTH
                    + " characters: too short to keep out of outputs");
          }
          values.put(reference.reference(), value);
        }
      }
    }
    return new StepSecrets(values);
  }

  /** {@code text} with each placeholder replaced by its value; null stays null. */
  public String fill(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    return SecretPlaceholders.PLACEHOLDER
        .matcher(text)
        .replaceAll(
            placeholder ->
                Matcher.quoteReplacement(
                    values.getOrDefault(placeholder.group(1), placeholder.group())));
  }

  /**
   * {@code commandLine} for {@code sh -c}, with its secrets read from stdin instead of written into
   * it. The parser put each placeholder bare (unquoted), so its expansion, double-quoted here, is
   * always one word, like a shell-quoted param.
   *
   * @throws io.temporal.failure.ApplicationFailure BAD_CONFIG when a value holds a line break or
   *     NUL, which one {@code read -r} line cannot carry
   */
  public ShellScript forShell(String commandLine) {
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher placeholder = SecretPlaceholders.PLACEHOLDER.matcher(commandLine);
    StringBuilder body = new StringBuilder();
    while (placeholder.find()) {
      String reference = placeholder.group(1);
      String variable =
          variables.computeIfAbsent(reference, r -> "LIFEBOAT_SECRET_" + (variables.size() + 1));
      placeholder.appendReplacement(body, Matcher.quoteReplacement("\"$" + variable + "\""));
    }
    placeholder.appendTail(body);
    if (variables.isEmpty()) {
      return new ShellScript(commandLine, null);
    }
    StringBuilder prelude = new StringBuilder();
    StringBuilder stdin = new StringBuilder();
    variables.forEach(
        (reference, variable) -> {
          String value = values.get(reference);
          if (value == null) {
            throw new IllegalStateException("secret " + reference + " was not resolved");
          }
          if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw StepFailures.of(
                StepFailureType.BAD_CONFIG,
                "secret "
                    + reference
                    + " holds a line break or NUL; a secret used in a shell command must be one"
                    + " line");
          }
          // Exit 97 if stdin ran dry: the command must never run with an empty secret.
          prelude.append("IFS= read -r ").append(variable).append(" || exit 97\n");
          stdin.append(value).append('\n');
        });
    return new ShellScript(prelude + body.toString(), stdin.toString());
  }

  /** The map with its values filled, its keys as given, in the same order. */
  public Map<String, String> fillValues(Map<String, String> map) {
    Map<String, String> filled = new LinkedHashMap<>();
    map.forEach((key, value) -> filled.put(key, fill(value)));
    return filled;
  }

  /** Redacts the values this call resolved. */
  public Redactor redactor() {
    return redactor;
  }
}
