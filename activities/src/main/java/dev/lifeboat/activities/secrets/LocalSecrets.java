package dev.lifeboat.activities.secrets;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.ssh.SecretReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Secrets from the worker's own environment variables ({@code env:NAME}) and files ({@code
 * file:/path}, trailing newlines dropped), read at every call. An unset or empty variable, an
 * unreadable file and an empty file are BAD_CONFIG failures naming the reference.
 */
public final class LocalSecrets implements Secrets {
  private final Map<String, String> env;

  /**
   * @param env the environment to read {@code env:} references from; {@link System#getenv()} in
   *     production, a plain map in tests
   */
  public LocalSecrets(Map<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** The worker process's environment and file system. */
  public static LocalSecrets ofProcess() {
    return new LocalSecrets(System.getenv());
  }

  @Override
  public String resolve(SecretReference reference) {
    byte[] bytes = reference.resolve(env);
    try {
      if (bytes.length == 0) {
        throw StepFailures.of(
            StepFailureType.BAD_CONFIG, "secret " + reference + ": the file is empty");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
