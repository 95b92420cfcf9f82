package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.notify.EmailAddress;
import dev.lifeboat.activities.notify.SmtpSettings;
import dev.lifeboat.activities.secrets.Secrets;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code smtp:} in config.yml: the server notify's {@code channel: email} sends through. The {@code
 * password} is a reference, {@code env:NAME} or {@code file:/path} (see {@link
 * ConfiguredPassword}), resolved at start-up. {@code security} is {@code none}, {@code starttls}
 * (required, never downgraded) or {@code tls}; a server whose certificate the JVM does not trust is
 * refused unless its certificate (or its CA's) is given as {@code trustCertificate}.
 */
public class SmtpConfig {
  private static final Logger LOG = LoggerFactory.getLogger(SmtpConfig.class);

  @JsonProperty @NotEmpty private String host;

  @JsonProperty
  @Min(1)
  @Max(65535)
  private int port = 587;

  @JsonProperty @NotEmpty private String from;
  @JsonProperty @NotNull private String security = "starttls";
  @JsonProperty private String username = "";
  @JsonProperty private String password = "";
  @JsonProperty private String trustCertificate = "";
  @JsonProperty private boolean checkServerIdentity = true;
  @JsonProperty @NotNull private Duration connectTimeout = Duration.seconds(10);
  @JsonProperty @NotNull private Duration readTimeout = Duration.seconds(30);

  /**
   * The settings the notify activity sends with, the password resolved through {@code secrets}.
   *
   * @throws IllegalStateException naming the setting when a value is wrong or the password
   *     reference cannot be resolved
   */
  public SmtpSettings toSettings(Secrets secrets) {
    EmailAddress.problemOf(from)
        .ifPresent(
            problem -> {
              throw new IllegalStateException("smtp.from: " + problem);
            });
    SmtpSettings.Security chosen;
    try {
      chosen = SmtpSettings.Security.valueOf(security.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "smtp.security must be none, starttls or tls, got '" + security + "'", e);
    }
    Optional<Path> certificate =
        trustCertificate == null || trustCertificate.isBlank()
            ? Optional.empty()
            : Optional.of(Path.of(trustCertificate));
    certificate
        .filter(file -> !Files.isReadable(file))
        .ifPresent(
            file -> {
              throw new IllegalStateException(
                  "smtp.trustCertificate " + file + " does not exist or cannot be read");
            });
    if (chosen != SmtpSettings.Security.NONE && !checkServerIdentity) {
      LOG.warn(
          "smtp.checkServerIdentity is false: the SMTP server's certificate is trusted without"
              + " naming {}",
          host);
    }
    return new SmtpSettings(
        host,
        port,
        from,
        chosen,
        username,
        ConfiguredPassword.resolve("smtp.password", password, secrets),
        certificate,
        checkServerIdentity,
        java.time.Duration.ofMillis(connectTimeout.toMilliseconds()),
        java.time.Duration.ofMillis(readTimeout.toMilliseconds()));
  }
}
