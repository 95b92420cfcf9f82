package dev.lifeboat.activities.ssh;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a secret lives: {@code env:NAME} (an environment variable) or {@code file:/path} (the
 * file's content, without a trailing newline). The reference is safe to print; the value it
 * resolves to is not, so only {@link #resolve} ever sees it and no message here contains it.
 *
 * @param reference the reference as written, e.g. {@code env:SSH_KEY_PASSPHRASE}
 */
public record SecretReference(String reference) {
  public SecretReference {
    if (reference == null
        || !(reference.startsWith("env:") && reference.length() > 4
            || reference.startsWith("file:") && reference.length() > 5)) {
      throw new IllegalArgumentException(
          "a secret must be a reference like env:NAME or file:/path, not "
              + (reference == null ? "nothing" : "a literal value"));
    }
  }

  /** The reference as written ({@code env:NAME}); safe to print, it holds no secret. */
  @Override
  public String toString() {
    return reference;
  }

  /** Resolves against the process environment and file system. */
  public byte[] resolve() {
    return resolve(System.getenv());
  }

  /**
   * The secret's bytes (UTF-8). The caller should clear the array once used.
   *
   * @param env the environment to read {@code env:} references from
   */
  public byte[] resolve(Map<String, String> env) {
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      String value = env.get(name);
      if (value == null || value.isEmpty()) {
        throw StepFailures.of(
            StepFailureType.BAD_CONFIG, "secret " + reference + ": environment variable not set");
      }
      return value.getBytes(StandardCharsets.UTF_8);
    }
    Path file = Path.of(reference.substring(5));
    try {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
        end--;
      }
      return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
    } catch (IOException e) {
      // The exception names only the path, never the content.
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "secret " + reference + ": cannot read the file (" + e.getClass().getSimpleName() + ")");
    }
  }
}
