package dev.lifeboat.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.notify.SmtpSettings;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.app.LifeboatConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code smtp:} in config.yml: read, its password resolved from a reference, mistakes named. */
class SmtpConfigTest {
  private static final String PASSWORD = "smtp-s3cret-pw";
  private final LocalSecrets secrets = new LocalSecrets(Map.of("SMTP_PASSWORD", PASSWORD));

  /** {@code yaml} with the record database every configuration needs. */
  private static LifeboatConfiguration read(String smtp)
      throws IOException, ConfigurationException {
    String yaml = "database: {url: 'jdbc:postgresql://127.0.0.1/lifeboat'}\n" + smtp;
    return new YamlConfigurationFactory<>(
            LifeboatConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(
            path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config.yml");
  }

  @Test
  void readsTheBlockAndResolvesThePasswordReference() throws Exception {
    LifeboatConfiguration config =
        read(
            """
            smtp:
              host: mail.example.org
              port: 465
              from: lifeboat@example.org
              security: tls
              username: lifeboat
              password: env:SMTP_PASSWORD
              readTimeout: 5s
            """);

    SmtpSettings settings = config.getSmtp().orElseThrow().toSettings(secrets);
    assertThat(settings)
        .isEqualTo(
            new SmtpSettings(
                "mail.example.org",
                465,
                "lifeboat@example.org",
                SmtpSettings.Security.TLS,
                "lifeboat",
                PASSWORD,
                Optional.empty(),
                true,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5)));
    assertThat(settings.toString()).doesNotContain(PASSWORD);
  }

  @Test
  void isAbsentUnlessConfigured() throws Exception {
    assertThat(read("runbooks: runbooks\n").getSmtp()).isEmpty();
  }

  @Test
  void namesAWrongSecurityOrSenderOrAMissingHost() throws Exception {
    assertThatThrownBy(
            () ->
                read("smtp: {host: h, from: a@example.org, security: ssl}\n")
                    .getSmtp()
                    .orElseThrow()
                    .toSettings(secrets))
        .hasMessage("smtp.security must be none, starttls or tls, got 'ssl'");
    assertThatThrownBy(
            () ->
                read("smtp: {host: h, from: not-an-address}\n")
                    .getSmtp()
                    .orElseThrow()
                    .toSettings(secrets))
        .hasMessageStartingWith("smtp.from: 'not-an-address' is not a valid e-mail address");
    assertThatThrownBy(() -> read("smtp: {from: a@example.org}\n"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("smtp.host");
  }

  @Test
  void anUnresolvablePasswordNamesTheSettingNotAValue() throws Exception {
    assertThatThrownBy(
            () ->
                read("smtp: {host: h, from: a@example.org, password: env:NOT_SET_ANYWHERE}\n")
                    .getSmtp()
                    .orElseThrow()
                    .toSettings(secrets))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("smtp.password: ");
  }
}
