package dev.lifeboat.app.config;

import dev.lifeboat.activities.secrets.SecretSyntax;
import dev.lifeboat.activities.secrets.Secrets;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A password in Lifeboat's configuration. The way to give one is a reference, {@code env:NAME} or
 * {@code file:/path}, resolved here at start-up, so config files hold no secret. A literal still
 * works (the embedded default's empty password is one) but a non-empty literal is warned about.
 * Nothing here ever logs or repeats a value.
 */
public final class ConfiguredPassword {
  private static final Logger LOG = LoggerFactory.getLogger(ConfiguredPassword.class);

  private ConfiguredPassword() {}

  /**
   * The password {@code written} stands for.
   *
   * @param setting where it is configured, for messages, e.g. {@code postgresServers.main.password}
   * @throws IllegalStateException naming the setting and the reference when it cannot be resolved
   */
  public static String resolve(String setting, String written, Secrets secrets) {
    if (written == null || written.isEmpty()) {
      return "";
    }
    if (!written.startsWith("env:") && !written.startsWith("file:")) {
      LOG.warn(
          "{} is a literal password; write env:NAME or file:/path instead, so the configuration"
              + " holds no secret",
          setting);
      return written;
    }
    try {
      return secrets.resolve(SecretSyntax.parse(written));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + ": " + e.getMessage(), e);
    } catch (ApplicationFailure e) {
      throw new IllegalStateException(setting + ": " + e.getOriginalMessage(), e);
    }
  }
}
