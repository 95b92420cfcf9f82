package dev.lifeboat.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.runbook.ProductionTargets;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.ResourceConfigurationSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code production: true} on {@code hosts:} and {@code postgresServers:} entries: false unless
 * written, read into what drills may not change, and a value that is not a boolean stops the start
 * naming the setting.
 */
class ProductionMarksTest {
  private static LifeboatConfiguration read(String yaml)
      throws IOException, ConfigurationException {
    return new YamlConfigurationFactory<>(
            LifeboatConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(path -> stream(yaml), "config.yml");
  }

  private static InputStream stream(String yaml) {
    return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static String testConfig() {
    try (InputStream in = new ResourceConfigurationSourceProvider().open("test-config.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void collectsTheEntriesMarkedProductionAndNoOthers() throws Exception {
    LifeboatConfiguration config = read(testConfig());

    assertThat(config.production())
        .isEqualTo(new ProductionTargets(Set.of("prod-db"), Set.of("prod")));
    assertThat(config.getPostgresServers().get("local").isProduction())
        .as("unmarked entries are not production")
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"maybe", "'true, of course'", "[true]"})
  void refusesAMarkThatIsNotTrueOrFalseNamingTheSetting(String mark) {
    String config =
        testConfig().replace("    production: true\n", "    production: " + mark + "\n");

    assertThatThrownBy(() -> read(config))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(" at: postgresServers.prod.production; ")
        .hasMessageContaining("boolean");
  }
}
