package dev.lifeboat.activities.secrets;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Takes the secret values a step used out of any text it returns or throws, replacing each with
 * {@code [redacted:NAME]}. Encoded spellings are caught too (see {@link SecretForms}). Activities
 * redact before returning or throwing, because results and failures go into workflow history, logs
 * and run records verbatim.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are refused: replacing every "ab" in a response would
 * mangle it and still give the value away, so such a secret cannot be kept out of outputs.
 */
public final class Redactor {
  /** The shortest secret value that can be redacted reliably. */
  public static final int MIN_LENGTH = 4;

  /** Redacts nothing: for steps that use no secrets. */
  public static final Redactor NONE = new Redactor(Map.of());

  private final Map<String, String> labels = new HashMap<>();
  private final Optional<Pattern> anyForm;

  /**
   * @param values each secret's value by its name (the name is printed in labels, so it must be
   *     safe to print, e.g. a reference like {@code env:LB_API_TOKEN})
   * @throws IllegalArgumentException when a value is shorter than {@link #MIN_LENGTH}
   */
  public Redactor(Map<String, String> values) {
    values.forEach(
        (name, value) -> {
          if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                "secret " + name + " is shorter than " + MIN_LENGTH + " characters");
          }
          SecretForms.of(value, MIN_LENGTH)
              .forEach(form -> labels.putIfAbsent(form, "[redacted:" + name + "]"));
        });
    // Longest first, so a value inside a longer one is never half-replaced.
    List<String> forms = new ArrayList<>(labels.keySet());
    forms.sort(Comparator.comparingInt(String::length).reversed());
    anyForm =
        forms.isEmpty()
            ? Optional.empty()
            : Optional.of(
                Pattern.compile(
                    forms.stream().map(Pattern::quote).collect(Collectors.joining("|"))));
  }

  /** {@code text} with every secret replaced; null stays null. */
  public String redact(String text) {
    if (text == null || anyForm.isEmpty()) {
      return text;
    }
    Matcher form = anyForm.get().matcher(text);
    return form.replaceAll(found -> Matcher.quoteReplacement(labels.get(found.group())));
  }

  /** Whether {@code text} holds a secret in any of its forms. */
  public boolean reveals(String text) {
    return text != null && anyForm.isPresent() && anyForm.get().matcher(text).find();
  }

  /**
   * {@code failure} itself when no message in its cause chain holds a secret (so cancellation and
   * clean failures pass untouched); otherwise a copy of the chain with every message redacted, the
   * same failure types, retryability and stack traces. Other exceptions become {@link
   * ApplicationFailure}s typed with their class name, which is how Temporal records them anyway.
   */
  public RuntimeException redactFailure(RuntimeException failure) {
    return revealedIn(failure) ? (RuntimeException) copy(failure) : failure;
  }

  private boolean revealedIn(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (reveals(t.getMessage()) || reveals(t.toString())) {
        return true;
      }
    }
    return false;
  }

  private ApplicationFailure copy(Throwable t) {
    ApplicationFailure cause =
        t.getCause() == null || t.getCause() == t ? null : copy(t.getCause());
    ApplicationFailure copy;
    if (t instanceof ApplicationFailure failure) {
      String message = redact(failure.getOriginalMessage());
      copy =
          failure.isNonRetryable()
              ? ApplicationFailure.newNonRetryableFailureWithCause(
                  message, failure.getType(), cause)
              : ApplicationFailure.newFailureWithCause(message, failure.getType(), cause);
    } else {
      copy =
          ApplicationFailure.newFailureWithCause(
              redact(t.getMessage()), t.getClass().getName(), cause);
    }
    copy.setStackTrace(t.getStackTrace());
    return copy;
  }
}
