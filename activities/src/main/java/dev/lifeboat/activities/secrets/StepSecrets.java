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
