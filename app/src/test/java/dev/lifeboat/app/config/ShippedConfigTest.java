package dev.lifeboat.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.app.LifeboatConfiguration;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code config.yml} as it reads with no LIFEBOAT_* variable set: nothing that has no
 * authentication of its own listens beyond this machine.
 */
class ShippedConfigTest {
  static LifeboatConfiguration config;

  @BeforeAll
  static void readTheShippedConfiguration() throws Exception {
    // Every ${VAR:-default} takes its default, whatever the environment running the test holds.
    StringSubstitutor defaultsOnly = new StringSubstitutor(variable -> null);
    config =
        new YamlConfigurationFactory<>(
                LifeboatConfiguration.class,
                Validators.newValidator(),
                Jackson.newObjectMapper(),
                "dw")
            .build(
                new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), defaultsOnly),
                Path.of("..", "config.yml").toString());
  }

  @Test
  void keepsTheAdminPortOnLoopback() throws Exception {
    List<ConnectorFactory> admin = server().getAdminConnectors();
    assertThat(admin).isNotEmpty();
    for (ConnectorFactory connector : admin) {
      assertThat(isLoopback(((HttpConnectorFactory) connector).getBindHost()))
          .as("the admin port (health, metrics, tasks) answers anyone who reaches it")
          .isTrue();
    }
  }

  @Test
  void keepsTheEmbeddedTemporalServerOnLoopback() throws Exception {
    assertThat(config.getTemporal().isEmbedded()).isTrue();
    assertThat(isLoopback(config.getTemporal().getBindAddress()))
        .as("the embedded Temporal server has no authentication")
        .isTrue();
  }

  @Test
  void keepsTheApiOnLoopbackUntilToldOtherwise() throws Exception {
    for (ConnectorFactory connector : server().getApplicationConnectors()) {
      assertThat(isLoopback(((HttpConnectorFactory) connector).getBindHost())).isTrue();
    }
  }

  @Test
  void dropsAClientThatStopsSendingAfterSecondsOfSilence() {
    for (ConnectorFactory connector : server().getApplicationConnectors()) {
      assertThat(((HttpConnectorFactory) connector).getIdleTimeout().toSeconds())
          .as("a request body that stops arriving holds a server thread this long")
          .isBetween(1L, 10L);
    }
  }

  @Test
  void definesNoTokenSoTheFirstStartMakesOneInTheDataFolder() {
    assertThat(config.getAuth().getTokens()).isEmpty();
    assertThat(config.getAuth().getBootstrapTokenFile()).isEqualTo("data/initial-admin-token");
  }

  @Test
  void runsTheEmbeddedServerWithoutStickyExecution() {
    assertThat(config.getTemporal().isStickyExecution())
        .as("the embedded (Java test) server never moves a task off a dead worker's sticky queue")
        .isFalse();
  }

  @Test
  void keepsLocalStateInTheDataFolder() {
    assertThat(config.getDataDirectory()).isEqualTo("data");
  }

  private static DefaultServerFactory server() {
    return (DefaultServerFactory) config.getServerFactory();
  }

  private static boolean isLoopback(String host) throws Exception {
    return host != null && InetAddress.getByName(host).isLoopbackAddress();
  }
}
