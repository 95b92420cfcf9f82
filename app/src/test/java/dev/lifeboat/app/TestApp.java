package dev.lifeboat.app;

import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole app on {@code test-config.yml}: the test plans, a fresh record database named after
 * {@code prefix}, embedded Temporal on a free port, and the tokens of {@link TestTokens}.
 */
public final class TestApp {
  private TestApp() {}

  public static DropwizardAppExtension<LifeboatConfiguration> extension(
      String prefix, ConfigOverride... more) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.config("runbooks", TestPlans.folder().toString()));
    overrides.add(
        ConfigOverride.config(
            "database.url", TestPostgres.url(TestPostgres.createDatabase(prefix))));
    overrides.add(ConfigOverride.config("database.user", TestPostgres.USER));
    overrides.addAll(List.of(more));
    return new DropwizardAppExtension<>(
        LifeboatApplication.class,
        ResourceHelpers.resourceFilePath("test-config.yml"),
        overrides.toArray(ConfigOverride[]::new));
  }
}
