package dev.lifeboat.activities.secrets;

import dev.lifeboat.activities.ssh.SecretReference;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The strict written form of a secret reference, for runbooks and Lifeboat's configuration: {@code
 * env:NAME} with a portable environment variable name, or {@code file:/absolute/path}. Messages
 * never repeat what was written: a mistaken entry may be the secret itself.
 */
public final class SecretSyntax {
  static final String ENV_REGEX = "env:[A-Za-z_][A-Za-z0-9_]*";

  /** Absolute, and without '}' or control characters: the path travels inside a placeholder. */
  static final String FILE_REGEX = "file:/[^}\\p{Cntrl}]*";

  private static final Pattern ENV = Pattern.compile(ENV_REGEX);
  private static final Pattern FILE = Pattern.compile(FILE_REGEX);

  private SecretSyntax() {}

  /** Whether {@code written} is a well-formed reference. */
  public static boolean isReference(String written) {
    return problemWith(written).isEmpty();
  }

  /** Why {@code written} is not a reference, or empty when it is one. */
  public static Optional<String> problemWith(String written) {
    if (written == null || written.isEmpty()) {
      return Optional.of("a secret must be a reference like env:NAME or file:/path; it is empty");
    }
    if (written.startsWith("env:")) {
      return ENV.matcher(written).matches()
          ? Optional.empty()
          : Optional.of(
              "env: must be followed by an environment variable name (letters, digits and '_',"
                  + " not starting with a digit)");
    }
    if (written.startsWith("file:")) {
      return FILE.matcher(written).matches()
          ? Optional.empty()
          : Optional.of(
              "file: must be followed by an absolute path (starting with '/', without '}')");
    }
    return Optional.of(
        "secrets must be references like env:NAME or file:/path, never the secret itself"
            + " (the value written is not shown)");
  }

  /**
   * The reference {@code written} names.
   *
   * @throws IllegalArgumentException saying why it is not a reference, without repeating it
   */
  public static SecretReference parse(String written) {
    problemWith(written)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return new SecretReference(written);
  }
}
